package dk.fristed.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dk.fristed.auth.Caller;
import dk.fristed.calendar.Period;
import dk.fristed.i18n.Language;
import dk.fristed.json.Json;
import dk.fristed.problem.ApiProblem;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** One HTTP API (payload format 2.0) request, read once into what handlers need. */
public final class ApiRequest {
    private final String routeKey;
    private final Map<String, String> headers;
    private final Map<String, String> pathParameters;
    private final Map<String, String> queryParameters;
    private final String body;
    private final Caller caller;
    private final String requestId;

    ApiRequest(
            String routeKey,
            Map<String, String> headers,
            Map<String, String> pathParameters,
            Map<String, String> queryParameters,
            String body,
            Caller caller,
            String requestId) {
        this.routeKey = routeKey;
        this.headers = headers;
        this.pathParameters = pathParameters;
        this.queryParameters = queryParameters;
        this.body = body;
        this.caller = caller;
        this.requestId = requestId;
    }

    static ApiRequest from(APIGatewayV2HTTPEvent event, int maxBodyBytes) {
        var context = event.getRequestContext();
        Map<String, String> claims = null;
        if (context != null
                && context.getAuthorizer() != null
                && context.getAuthorizer().getJwt() != null) {
            claims = context.getAuthorizer().getJwt().getClaims();
        }
        return new ApiRequest(
                event.getRouteKey(),
                lowerCaseKeys(event.getHeaders()),
                nullToEmpty(event.getPathParameters()),
                nullToEmpty(event.getQueryStringParameters()),
                decodeBody(event.getBody(), event.getIsBase64Encoded(), maxBodyBytes),
                Caller.fromClaims(claims),
                context == null ? null : context.getRequestId());
    }

    private static String decodeBody(String body, boolean base64, int maxBodyBytes) {
        if (body == null) {
            return null;
        }
        if (body.length() > maxBodyBytes * 2) {
            throw ApiProblem.payloadTooLarge(maxBodyBytes);
        }
        byte[] bytes;
        if (base64) {
            try {
                bytes = Base64.getDecoder().decode(body);
            } catch (IllegalArgumentException e) {
                throw ApiProblem.badRequest("body", "is not valid base64");
            }
        } else {
            bytes = body.getBytes(StandardCharsets.UTF_8);
        }
        if (bytes.length > maxBodyBytes) {
            throw ApiProblem.payloadTooLarge(maxBodyBytes);
        }
        return utf8(bytes).orElseThrow(() -> ApiProblem.badRequest("body", "is not valid UTF-8"));
    }

    /** The bytes as text if they are well-formed UTF-8; a lenient decode would store replacement characters instead. */
    public static Optional<String> utf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(bytes))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static Map<String, String> lowerCaseKeys(Map<String, String> headers) {
        if (headers == null) {
            return Map.of();
        }
        var lower = new java.util.HashMap<String, String>();
        headers.forEach((name, value) -> lower.put(name.toLowerCase(Locale.ROOT), value));
        return lower;
    }

    private static Map<String, String> nullToEmpty(Map<String, String> map) {
        return map == null ? Map.of() : map;
    }

    public String routeKey() {
        return routeKey;
    }

    public Caller caller() {
        return caller;
    }

    public String requestId() {
        return requestId;
    }

    public String body() {
        return body;
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    /** A path parameter; API Gateway only routes here when it is present. */
    public String path(String name) {
        String value = pathParameters.get(name);
        if (value == null || value.isBlank()) {
            throw ApiProblem.badRequest(name, "is required in the path");
        }
        return value;
    }

    /** The language a file for people is made in: {@code locale=da|nb|en}, else Accept-Language, else English. */
    public Language language() {
        Optional<String> asked = query(Language.PARAMETER);
        if (asked.isPresent()) {
            return Language.ofCode(asked.get())
                    .orElseThrow(() -> ApiProblem.badRequest(Language.PARAMETER, "must be da, nb or en"));
        }
        return header("Accept-Language").map(Language::preferred).orElse(Language.EN);
    }

    public Optional<String> query(String name) {
        String value = queryParameters.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    public String requireQuery(String name) {
        return query(name).orElseThrow(() -> ApiProblem.badRequest(name, "is a required query parameter"));
    }

    /** The period of the query parameters {@code from} and {@code to}, both required ({@link Period#of}). */
    public Period period() {
        return Period.of(requireQuery("from"), requireQuery("to"));
    }

    /** The body as a record, after checking it is JSON at all. */
    public <T> T bodyAs(Class<T> type) {
        header("content-type").ifPresent(contentType -> {
            String media = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
            if (!media.equals("application/json") && !media.endsWith("+json")) {
                throw ApiProblem.unsupportedMediaType();
            }
        });
        return Json.read(body, type);
    }
}
