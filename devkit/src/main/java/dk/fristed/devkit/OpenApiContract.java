package dk.fristed.devkit;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * openapi.json as a contract the tests hold the code to: every response a test sees is validated
 * against it (status documented, headers, content type, body schema) with Atlassian's OpenAPI
 * validator, so the description cannot drift from what the functions answer.
 *
 * <p>The description is OpenAPI 3.1. The validator (2.x; 3.x needs Java 21) reads 3.1 documents but
 * then ignores {@code additionalProperties: false}, so it is handed the same document labelled 3.0.3.
 * That is exact as long as the document keeps to what 3.0 and 3.1 mean alike, which
 * {@code OpenApiDocumentTest} checks.
 */
public final class OpenApiContract {
    public static final Path DOCUMENT = SamTemplate.projectRoot().resolve("openapi.json");
    private static final OpenApiInteractionValidator VALIDATOR =
            OpenApiInteractionValidator.createForInlineApiSpecification(asOpenApi30(DOCUMENT))
                    .build();

    /**
     * For an example, which has a body only: no token, headers or real path values to check, so the
     * validator's findings about those are left out and the body is held to its schema.
     */
    private static final OpenApiInteractionValidator EXAMPLES =
            OpenApiInteractionValidator.createForInlineApiSpecification(asOpenApi30(DOCUMENT))
                    .withLevelResolver(LevelResolver.create()
                            .withLevel("validation.request.parameter", ValidationReport.Level.IGNORE)
                            .withLevel("validation.request.security", ValidationReport.Level.IGNORE)
                            .withLevel("validation.response.header", ValidationReport.Level.IGNORE)
                            .build())
                    .build();

    private OpenApiContract() {}

    /** What is wrong with an example of a request body (empty: nothing), as openapi.json describes it. */
    public static java.util.List<String> requestExampleErrors(String method, String path, String body) {
        var request = new com.atlassian.oai.validator.model.SimpleRequest.Builder(method, path)
                .withContentType("application/json")
                .withBody(body)
                .build();
        synchronized (EXAMPLES) {
            return messages(EXAMPLES.validateRequest(request));
        }
    }

    /** What is wrong with an example of an answer (empty: nothing), as openapi.json describes it. */
    public static java.util.List<String> responseExampleErrors(
            String method, String path, int status, String contentType, String body) {
        var response = SimpleResponse.Builder.status(status)
                .withContentType(contentType)
                .withBody(body)
                .build();
        synchronized (EXAMPLES) {
            return messages(
                    EXAMPLES.validateResponse(path, Request.Method.valueOf(method.toUpperCase(Locale.ROOT)), response));
        }
    }

    private static java.util.List<String> messages(ValidationReport report) {
        return report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(ValidationReport.Message::toString)
                .toList();
    }

    private static String asOpenApi30(Path document) {
        try {
            String text = Files.readString(document);
            if (!text.contains("\"openapi\": \"3.1.0\"")) {
                throw new IllegalStateException("openapi.json is expected to be OpenAPI 3.1.0");
            }
            return text.replace("\"openapi\": \"3.1.0\"", "\"openapi\": \"3.0.3\"");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether a request body matches its operation's description, as a client generated from it would
     * check it before sending (the functions check every body themselves, naming the field).
     */
    public static boolean requestMatches(String method, String path, String body) {
        var request = com.atlassian.oai.validator.model.SimpleRequest.Builder.post(path)
                .withHeader("Authorization", "Bearer x")
                .withHeader("If-Match", "\"1\"")
                .withHeader("Idempotency-Key", "request-check-0001")
                .withContentType("application/json")
                .withBody(body);
        if (!method.equalsIgnoreCase("POST")) {
            throw new IllegalArgumentException("only POST bodies are checked here");
        }
        synchronized (VALIDATOR) {
            return !VALIDATOR.validateRequest(request.build()).hasErrors();
        }
    }

    /** Fails with the validator's report when the response does not match the description of its operation. */
    public static void assertResponseValid(
            String method, String path, int status, Map<String, String> headers, String body) {
        var response = SimpleResponse.Builder.status(status);
        if (headers != null) {
            headers.forEach(response::withHeader);
        }
        if (body != null) {
            response.withBody(body);
        }
        ValidationReport report;
        synchronized (VALIDATOR) {
            report = VALIDATOR.validateResponse(
                    path, Request.Method.valueOf(method.toUpperCase(Locale.ROOT)), response.build());
        }
        if (report.hasErrors()) {
            throw new AssertionError(method + " " + path + " answered " + status + " outside openapi.json:\n"
                    + report.getMessages() + "\nbody: " + body);
        }
    }
}
