package dk.fristed.visits;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dk.fristed.devkit.CountingDynamoDb;
import dk.fristed.devkit.LocalDynamo;
import dk.fristed.devkit.LocalGateway;
import dk.fristed.devkit.OpenApiContract;
import dk.fristed.devkit.SamTemplate;
import dk.fristed.json.Json;
import dk.fristed.log.JsonLog;
import dk.fristed.paging.Hmac;
import dk.fristed.site.Sites;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The visits function behind template.yaml's routes, on an in-memory DynamoDB Local with the
 * template's tables (fresh names for each instance), called as API Gateway would call it.
 */
final class VisitsApi {
    private static final LocalDynamo DYNAMO = LocalDynamo.inMemory();
    static final Sites SITES = Sites.parse("copenhagen,aarhus,odense,aalborg");

    final CountingDynamoDb dynamo = new CountingDynamoDb(DYNAMO.client());
    final Map<String, String> tables;
    final ByteArrayOutputStream logs = new ByteArrayOutputStream();
    final VisitsFunction function;
    private final LocalGateway gateway;

    VisitsApi() {
        this(Clock.systemUTC());
    }

    VisitsApi(Clock clock) {
        SamTemplate template = SamTemplate.ofProject();
        tables = DYNAMO.createTables(template, "t" + UUID.randomUUID().toString().substring(0, 8) + "-");
        var names = new VisitsFunction.Tables(tables.get("PatientsTable"), tables.get("VisitsTable"), tables.get("IdempotencyTable"),
                tables.get("AuditTable"));
        function = new VisitsFunction(names, dynamo.client(), new Hmac(new byte[32]), SITES, clock,
                new JsonLog("visits", new PrintStream(logs, true, StandardCharsets.UTF_8)));
        gateway = LocalGateway.withHandlers(template, definition -> function);
    }

    /** A response with its body parsed. */
    record Response(int status, Map<String, String> headers, JsonNode body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
        }

        String problemField() {
            return body.path("field").asText(null);
        }
    }

    static Map<String, String> claims(String group) {
        Map<String, String> claims = new HashMap<>();
        claims.put("sub", "user-" + group);
        claims.put("cognito:groups", "[" + group + "]");
        return claims;
    }

    Response call(String method, String pathAndQuery, String role, Object body, Map<String, String> headers) {
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        String query = q < 0 ? "" : pathAndQuery.substring(q + 1);
        Map<String, String> allHeaders = new LinkedHashMap<>(headers);
        byte[] bytes = null;
        if (body != null) {
            allHeaders.putIfAbsent("content-type", "application/json");
            bytes = (body instanceof String text ? text : Json.write(body)).getBytes(StandardCharsets.UTF_8);
        }
        APIGatewayV2HTTPResponse response = gateway.handle(new LocalGateway.Request(method, path, query, allHeaders, bytes,
                role == null ? null : claims(role))).orElseThrow(() -> new AssertionError("no route for " + method + " " + path));
        OpenApiContract.assertResponseValid(method, path, response.getStatusCode(), response.getHeaders(), response.getBody());
        try {
            JsonNode parsed = response.getBody() == null ? null : Json.mapper().readTree(response.getBody());
            return new Response(response.getStatusCode(), response.getHeaders(), parsed);
        } catch (Exception e) {
            throw new AssertionError("response is not JSON: " + response.getBody(), e);
        }
    }

    Response call(String method, String pathAndQuery, String role, Object body) {
        return call(method, pathAndQuery, role, body, Map.of());
    }

    /** A patient body with the fields a coordinator fills in. */
    static Map<String, Object> patient(int birthYear, String sex, String nationality, String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("birthYear", birthYear);
        body.put("sex", sex);
        body.put("nationality", nationality);
        body.put("languages", java.util.List.of("ro", "en"));
        body.put("interpreterNeeded", true);
        if (name != null) {
            body.put("name", name);
            body.put("phone", "+45 20 12 34 56");
        }
        return body;
    }

    static Map<String, Object> visit(String helpNumber, String site, String date, String service, String... diagnoses) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("helpNumber", helpNumber);
        body.put("site", site);
        body.put("date", date);
        body.put("service", service);
        body.put("diagnoses", java.util.List.of(diagnoses));
        return body;
    }

    String registerPatient(String name) {
        Response created = call("POST", "/patients", "clinician", patient(1985, "female", "RO", name));
        if (created.status() != 201) {
            throw new AssertionError("registration failed: " + created);
        }
        return created.body().get("helpNumber").asText();
    }

    String logOutput() {
        return logs.toString(StandardCharsets.UTF_8);
    }
}
