package dk.fristed.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dk.fristed.i18n.Language;
import dk.fristed.json.Json;
import dk.fristed.problem.ApiProblem;
import dk.fristed.problem.ProblemTexts;

import java.util.LinkedHashMap;
import java.util.Map;

/** Turns errors into RFC 9457 problem documents; the only place a response body for an error is built. */
final class ProblemResponses {
    static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_BASE = "https://fristed.dk/problems/";

    private ProblemResponses() {}

    /** @param language the caller's (Accept-Language): title and detail in it; the type stays the English kind's */
    static APIGatewayV2HTTPResponse of(ApiProblem problem, String requestId, Language language) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type(problem.title()));
        body.put("title", ProblemTexts.in(language, problem.title()));
        body.put("status", problem.status());
        String detail = ProblemTexts.in(language, problem.detail());
        body.put("detail", problem.field() == null ? detail : problem.field() + " " + detail);
        if (problem.field() != null) {
            body.put("field", problem.field());
        }
        if (problem.mergedInto() != null) {
            body.put("mergedInto", problem.mergedInto());
        }
        if (requestId != null) {
            body.put("requestId", requestId);
        }
        Map<String, String> headers = switch (problem.status()) {
            case 401 -> Map.of("WWW-Authenticate", "Bearer");
            case 429, 503 -> Map.of("Retry-After", RetryableFailures.RETRY_AFTER_SECONDS);
            default -> Map.of();
        };
        return response(problem.status(), body, headers);
    }

    /**
     * The problem's kind as a stable URI a client can branch on or translate: one per title
     * ({@code https://fristed.dk/problems/precondition-failed}), listed in docs/api.md.
     */
    static String type(String title) {
        return TYPE_BASE + title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
    }

    /** Anything unexpected: the request id to find the log line, and nothing about the cause. */
    static APIGatewayV2HTTPResponse internalError(String requestId, Language language) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type("Internal error"));
        body.put("title", ProblemTexts.in(language, "Internal error"));
        body.put("status", 500);
        body.put(
                "detail",
                ProblemTexts.in(
                        language,
                        "the request could not be completed; nothing was changed unless a retry shows otherwise"));
        if (requestId != null) {
            body.put("requestId", requestId);
        }
        return response(500, body, Map.of());
    }

    private static APIGatewayV2HTTPResponse response(int status, Object body, Map<String, String> extraHeaders) {
        Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
        headers.put("Content-Type", MEDIA_TYPE);
        headers.put("Cache-Control", "no-store");
        headers.put(ApiResponse.NOSNIFF, "nosniff");
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(headers)
                .withBody(Json.write(body))
                .build();
    }
}
