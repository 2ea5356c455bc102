package dk.fristed.devkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.fristed.json.Json;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * openapi.json's examples (written by {@code make examples} from the tests' own exchanges, a few that no test
 * meets by hand): every request body and every answer, success or problem, has one, and each matches the
 * schema beside it.
 */
class OpenApiExamplesTest {
    private static final JsonNode API = read();

    @Test
    void everyRequestBody_andEveryAnswer_hasAnExample() {
        List<String> missing = new ArrayList<>();
        operations((route, operation) -> {
            JsonNode request = operation.path("requestBody").path("content").path("application/json");
            if (!request.isMissingNode() && !request.has("example")) {
                missing.add(route + " request");
            }
            operation
                    .get("responses")
                    .fields()
                    .forEachRemaining(response ->
                            missing.addAll(withoutExample(route + " " + response.getKey(), response.getValue())));
        });
        API.at("/components/responses")
                .fields()
                .forEachRemaining(response -> missing.addAll(withoutExample(response.getKey(), response.getValue())));
        assertEquals(List.of(), missing, "make examples writes what the tests answered");
    }

    /** The media types of an answer that have no example, named after it. */
    private static List<String> withoutExample(String answer, JsonNode response) {
        List<String> missing = new ArrayList<>();
        response.path("content").fields().forEachRemaining(media -> {
            if (!media.getValue().has("example")) {
                missing.add(answer + " " + media.getKey());
            }
        });
        return missing;
    }

    @Test
    void everyExample_matchesItsSchema() {
        assertEquals(List.of(), errors(API));
    }

    @Test
    void anExampleThatDoesNotMatch_isFound() {
        ObjectNode broken = API.deepCopy();
        ObjectNode patient =
                (ObjectNode) broken.at("/paths/~1patients/post/requestBody/content/application~1json/example");
        patient.remove("birthYear");
        ObjectNode created =
                (ObjectNode) broken.at("/paths/~1patients/post/responses/201/content/application~1json/example");
        created.put("version", "one");
        List<String> errors = errors(broken);
        assertEquals(2, errors.size(), errors.toString());
        assertFalse(errors.get(0).isEmpty());
    }

    @Test
    void theDocument_isWrittenBackAsItIs() throws IOException {
        assertEquals(Files.readString(OpenApiContract.DOCUMENT), OpenApiExamples.formatted(API) + "\n");
    }

    /**
     * Each example against its schema, with the validator the tests use. A changed copy of the document is
     * checked by what its examples say, against the project's document's schemas.
     */
    private static List<String> errors(JsonNode api) {
        List<String> errors = new ArrayList<>();
        for (var path : iterable(api.get("paths").fields())) {
            String concrete = path.getKey().replaceAll("\\{[^}]+}", "x");
            for (var operation : iterable(path.getValue().fields())) {
                if (operation.getKey().equals("parameters")) {
                    continue;
                }
                String method = operation.getKey().toUpperCase(Locale.ROOT);
                JsonNode request =
                        operation.getValue().path("requestBody").path("content").path("application/json");
                if (request.has("example")) {
                    OpenApiContract.requestExampleErrors(method, concrete, Json.write(request.get("example")))
                            .forEach(e -> errors.add(method + " " + path.getKey() + " request: " + e));
                }
                for (var response :
                        iterable(operation.getValue().get("responses").fields())) {
                    JsonNode answer = response.getValue().has("$ref")
                            ? api.at(response.getValue().get("$ref").asText().substring(1))
                            : response.getValue();
                    for (var media : iterable(answer.path("content").fields())) {
                        JsonNode example = media.getValue().get("example");
                        if (example == null) {
                            continue;
                        }
                        String body = example.isTextual() && !media.getKey().contains("json")
                                ? example.asText()
                                : Json.write(example);
                        OpenApiContract.responseExampleErrors(
                                        method, concrete, Integer.parseInt(response.getKey()), media.getKey(), body)
                                .forEach(e ->
                                        errors.add(method + " " + path.getKey() + " " + response.getKey() + ": " + e));
                    }
                }
            }
        }
        return errors;
    }

    private static void operations(BiConsumer<String, JsonNode> each) {
        API.get("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
                    if (!op.getKey().equals("parameters")) {
                        each.accept(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), op.getValue());
                    }
                }));
    }

    private static <T> List<T> iterable(java.util.Iterator<T> iterator) {
        List<T> list = new ArrayList<>();
        iterator.forEachRemaining(list::add);
        return list;
    }

    private static JsonNode read() {
        try {
            return Json.mapper().readTree(OpenApiContract.DOCUMENT.toFile());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
