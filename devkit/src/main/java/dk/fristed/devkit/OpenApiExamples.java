package dk.fristed.devkit;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.fristed.json.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * {@code make examples}, its second half: writes the exchanges {@link ExampleRecorder} kept into openapi.json as
 * the {@code example} of each request body and response, so every example is an answer the API gave. A problem
 * whose detail names no route (412, 413, 415, 428) serves every route that may answer it; others only their own.
 * {@code OpenApiExamplesTest} checks each example against its schema and that none is missing.
 */
public final class OpenApiExamples {
    /** Statuses whose problem reads the same on every route. */
    static final Set<String> ANY_ROUTE = Set.of("412", "413", "415", "428");

    private OpenApiExamples() {}

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args[0]);
        Path document = OpenApiContract.DOCUMENT;
        ObjectNode api = (ObjectNode) Json.mapper().readTree(document.toFile());
        int written = write(api, recorded(folder));
        Files.writeString(document, formatted(api) + "\n");
        System.out.println("make examples: " + written + " examples written into openapi.json");
    }

    /** As openapi.json is written: two spaces, one value a line, "name": value. */
    static String formatted(JsonNode document) throws IOException {
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators);
        printer.indentObjectsWith(new DefaultIndenter("  ", "\n"));
        printer.indentArraysWith(new DefaultIndenter("  ", "\n"));
        return Json.mapper().writer(printer).writeValueAsString(document);
    }

    /** The kept exchanges, by route key and status. */
    static Map<String, Map<String, List<JsonNode>>> recorded(Path folder) throws IOException {
        Map<String, Map<String, List<JsonNode>>> byRoute = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                JsonNode exchange = Json.mapper().readTree(file.toFile());
                byRoute.computeIfAbsent(exchange.get("route").asText(), r -> new TreeMap<>())
                        .computeIfAbsent(exchange.get("status").asText(), s -> new ArrayList<>())
                        .add(exchange);
            }
        }
        return byRoute;
    }

    static int write(ObjectNode api, Map<String, Map<String, List<JsonNode>>> byRoute) {
        int written = 0;
        Map<String, List<JsonNode>> anyRoute = new TreeMap<>();
        byRoute.values()
                .forEach(statuses -> statuses.forEach((status, exchange) -> {
                    if (ANY_ROUTE.contains(status) || !status.startsWith("2")) {
                        anyRoute.putIfAbsent(status, exchange);
                    }
                }));
        for (var path : iterable(api.get("paths").fields())) {
            for (var operation : iterable(path.getValue().fields())) {
                if (operation.getKey().equals("parameters")) {
                    continue;
                }
                String route = operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
                Map<String, List<JsonNode>> exchanges = byRoute.getOrDefault(route, Map.of());
                JsonNode success = exchanges.entrySet().stream()
                        .filter(e -> e.getKey().startsWith("2"))
                        .flatMap(e -> e.getValue().stream())
                        .filter(e -> e.has("request"))
                        .findFirst()
                        .orElse(null);
                JsonNode requestContent =
                        operation.getValue().path("requestBody").path("content");
                if (success != null
                        && requestContent.has("application/json")
                        && !requestContent.get("application/json").has("example")) {
                    ((ObjectNode) requestContent.get("application/json"))
                            .set("example", parsed(success.get("request").asText()));
                    written++;
                }
                for (var response :
                        iterable(operation.getValue().get("responses").fields())) {
                    List<JsonNode> exchange = exchanges.get(response.getKey());
                    if (exchange == null && ANY_ROUTE.contains(response.getKey())) {
                        exchange = anyRoute.get(response.getKey());
                    }
                    JsonNode target = response.getValue().has("$ref")
                            ? api.at(response.getValue().get("$ref").asText().substring(1))
                            : response.getValue();
                    if (exchange == null && response.getValue().has("$ref")) {
                        exchange = anyRoute.get(response.getKey());
                    }
                    if (exchange != null) {
                        for (JsonNode one : exchange) {
                            written += example(target, one);
                        }
                    }
                }
            }
        }
        return written;
    }

    /** The exchange's body as the example of the content its type names; 1 if written. */
    private static int example(JsonNode response, JsonNode exchange) {
        JsonNode content = response.path("content");
        String type = exchange.path("contentType").asText("");
        for (var media : iterable(content.fields())) {
            String name = media.getKey();
            if (type.startsWith(name) && !media.getValue().has("example")) {
                ObjectNode node = (ObjectNode) media.getValue();
                String body = exchange.get("body").asText();
                node.set(
                        "example",
                        name.contains("json")
                                ? parsed(body)
                                : Json.mapper().getNodeFactory().textNode(body));
                return 1;
            }
        }
        return 0;
    }

    private static JsonNode parsed(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("a recorded body is not JSON", e);
        }
    }

    private static <T> Iterable<T> iterable(java.util.Iterator<T> iterator) {
        List<T> list = new ArrayList<>();
        iterator.forEachRemaining(list::add);
        return list;
    }
}
