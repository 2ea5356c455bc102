package dk.fristed.devkit;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dk.fristed.aws.DynamoDbConnection;
import dk.fristed.encryption.FieldEncryption;
import dk.fristed.json.Json;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A function under test: an in-memory DynamoDB Local with template.yaml's tables (fresh names for
 * each testbed), clients that count their calls, and the template's routes served by the function
 * as API Gateway would call it. Every response is checked against openapi.json.
 */
public final class FunctionTestbed {
    private static final LocalDynamo DYNAMO = LocalDynamo.inMemory();
    private static final byte[] FIELD_KEY = new byte[32];

    static {
        new SecureRandom().nextBytes(FIELD_KEY);
    }

    /** The calls of every client {@link #connection()} opened, since the last reset. */
    public final DynamoDbCalls dynamoCalls = new DynamoDbCalls();
    /** A plain client, for setting up and for looking at the tables as anyone with access to them would. */
    public final DynamoDbClient raw = DYNAMO.client();
    /** This run's local field-encryption key (raw AES), as the local runner has one in its data folder. */
    public final FieldEncryption fieldEncryption = FieldEncryption.rawAes(FIELD_KEY);
    /** Table names by logical id. */
    public final Map<String, String> tables;

    private LocalGateway gateway;

    public FunctionTestbed() {
        // no time to live: tests set the clock, DynamoDB Local's sweeper would delete by the real one
        tables = DYNAMO.createTables(
                SamTemplate.ofProject(), "t" + UUID.randomUUID().toString().substring(0, 8) + "-", false);
    }

    /** What the function opens its DynamoDB client with: the local server, its interceptors, and counting. */
    public DynamoDbConnection connection() {
        return interceptors -> {
            List<ExecutionInterceptor> all = new ArrayList<>(List.of(interceptors));
            all.add(dynamoCalls);
            return DYNAMO.client(all.toArray(ExecutionInterceptor[]::new));
        };
    }

    /** The DynamoDB Local server, for a function configured through AWS_ENDPOINT_URL_DYNAMODB. */
    public URI endpoint() {
        return DYNAMO.endpoint();
    }

    /** Serves the template's routes with this handler (routes of other functions answer as it does: not found). */
    public void serve(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> function) {
        gateway = LocalGateway.withHandlers(SamTemplate.ofProject(), definition -> function);
    }

    /**
     * Serves the template's routes with several functions, by logical id (a workflow that crosses
     * functions: a patient registered by the visits function, then referred); routes of a function not
     * given answer as the first given one does: not found.
     */
    public void serve(Map<String, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> byLogicalId) {
        var fallback = byLogicalId.values().iterator().next();
        gateway = LocalGateway.withHandlers(
                SamTemplate.ofProject(), definition -> byLogicalId.getOrDefault(definition.logicalId(), fallback));
    }

    /** The template's stream subscriptions on this testbed's tables, each served by the handler given for its function. */
    public LocalStreams streams(java.util.function.Function<String, ? extends RequestHandler<?, ?>> handlers) {
        return LocalStreams.fromTemplate(SamTemplate.ofProject(), DYNAMO, tables, handlers);
    }

    /** A response with its body parsed when it is JSON; {@code text} is the body as sent (a CSV export, say). */
    public record Response(int status, Map<String, String> headers, JsonNode body, String text) {
        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse(null);
        }

        public String problemField() {
            return body.path("field").asText(null);
        }
    }

    /** Claims as the JWT authorizer passes them, for a user in one group. */
    public static Map<String, String> claims(String group) {
        return ApiEvents.claims("user-" + group, group);
    }

    /**
     * @param role a group name, or null for a request without a token's claims
     * @param body a record or map (sent as JSON), a String (as UTF-8), or bytes as they are
     */
    public Response call(String method, String pathAndQuery, String role, Object body, Map<String, String> headers) {
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        String query = q < 0 ? "" : pathAndQuery.substring(q + 1);
        Map<String, String> allHeaders = new LinkedHashMap<>(headers);
        byte[] bytes = null;
        if (body != null) {
            allHeaders.putIfAbsent("content-type", "application/json");
            bytes = body instanceof byte[] raw
                    ? raw
                    : (body instanceof String text ? text : Json.write(body)).getBytes(StandardCharsets.UTF_8);
        }
        APIGatewayV2HTTPResponse response = gateway.handle(new LocalGateway.Request(
                        method, path, query, allHeaders, bytes, role == null ? null : claims(role)))
                .orElseThrow(() -> new AssertionError("no route for " + method + " " + path));
        OpenApiContract.assertResponseValid(
                method, path, response.getStatusCode(), response.getHeaders(), response.getBody());
        ExampleRecorder.record(
                gateway.routeKey(method, path).orElse(null),
                response.getStatusCode(),
                allHeaders.get("content-type"),
                bytes == null ? null : new String(bytes, StandardCharsets.UTF_8),
                response.getHeaders() == null ? null : response.getHeaders().get("Content-Type"),
                response.getBody());
        String type =
                response.getHeaders() == null ? null : response.getHeaders().get("Content-Type");
        if (response.getBody() != null && type != null && !type.contains("json")) {
            return new Response(response.getStatusCode(), response.getHeaders(), null, response.getBody());
        }
        try {
            JsonNode parsed = response.getBody() == null ? null : Json.mapper().readTree(response.getBody());
            return new Response(response.getStatusCode(), response.getHeaders(), parsed, response.getBody());
        } catch (Exception e) {
            throw new AssertionError("response is not JSON: " + response.getBody(), e);
        }
    }

    public Response call(String method, String pathAndQuery, String role, Object body) {
        return call(method, pathAndQuery, role, body, Map.of());
    }
}
