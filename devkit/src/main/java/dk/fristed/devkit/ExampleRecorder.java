package dk.fristed.devkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.fristed.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * {@code make examples}: while the tests run with {@code FRISTED_RECORD_EXAMPLES=<folder>}, the first
 * exchange of each route and status the tests make is kept there (the request body only when the answer
 * was a success, since only then is it one the route accepts); {@link OpenApiExamples} then writes them
 * into openapi.json. The tests' data are made up, so the examples are realistic and hold nobody's data.
 */
final class ExampleRecorder {
    static final String VARIABLE = "FRISTED_RECORD_EXAMPLES";
    private static final String FOLDER = System.getenv(VARIABLE);

    private ExampleRecorder() {}

    static void record(
            String routeKey, int status, String requestContentType, String request, String contentType, String body) {
        if (FOLDER == null || routeKey == null) {
            return;
        }
        // by route, status and media type: a report's 200 is JSON or CSV
        String media = contentType == null ? "none" : contentType.split(";")[0];
        String name = (routeKey + "-" + status + "-" + media)
                        .replaceAll("[^A-Za-z0-9]+", "_")
                        .toLowerCase(Locale.ROOT) + ".json";
        ObjectNode exchange = Json.mapper().createObjectNode();
        exchange.put("route", routeKey);
        exchange.put("status", status);
        if (status < 300 && request != null && requestContentType != null && requestContentType.contains("json")) {
            exchange.put("request", request);
        }
        exchange.put("contentType", contentType);
        exchange.put("body", body);
        try {
            Path folder = Files.createDirectories(Path.of(FOLDER));
            Files.writeString(
                    folder.resolve(name), Json.write(exchange), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        } catch (FileAlreadyExistsException kept) {
            // the first one of this route and status stays
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
