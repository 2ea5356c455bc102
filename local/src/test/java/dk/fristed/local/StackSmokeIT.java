package dk.fristed.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dk.fristed.aws.ServerKey;
import dk.fristed.config.Environment;
import dk.fristed.devkit.ApiEvents;
import dk.fristed.devkit.FreePort;
import dk.fristed.devkit.LambdaApi;
import dk.fristed.devkit.LocalContext;
import dk.fristed.devkit.LocalDynamo;
import dk.fristed.devkit.LocalGateway;
import dk.fristed.devkit.SamTemplate;
import dk.fristed.devkit.StackSmoke;
import dk.fristed.encryption.FieldEncryption;
import dk.fristed.json.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code make localstack}'s smoke test, run here against the template's functions behind a stand-in
 * for Lambda's Invoke API on DynamoDB Local: the smoke steps, the deployed names, the signed Invoke
 * call and its error handling are what LocalStack (or AWS) will see. LocalStack itself needs Docker.
 */
class StackSmokeIT {
    private static final String STAGE = "smoke";
    private static final SamTemplate TEMPLATE = SamTemplate.ofProject();

    private final LocalDynamo dynamo = LocalDynamo.inMemory();
    private final Map<String, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> deployed =
            new ConcurrentHashMap<>();
    private final List<String> invoked = new CopyOnWriteArrayList<>();
    private final List<String> signatures = new CopyOnWriteArrayList<>();
    private HttpServer lambda;

    @AfterEach
    void stop() {
        if (lambda != null) {
            lambda.stop(0);
        }
        dynamo.close();
    }

    @Test
    void smokeTest_passes_againstTheDeployedFunctionsByName() throws IOException {
        deployTemplateFunctions();
        ByteArrayOutputStream progress = new ByteArrayOutputStream();

        int requests =
                new StackSmoke(gatewayOverLambda(), new PrintStream(progress, true, StandardCharsets.UTF_8)).run();

        assertEquals(37, requests);
        assertEquals(
                Set.of(
                        "fristed-smoke-visits",
                        "fristed-smoke-admin",
                        "fristed-smoke-referrals",
                        "fristed-smoke-invoices",
                        "fristed-smoke-budget",
                        "fristed-smoke-reports"),
                Set.copyOf(invoked));
        assertEquals(requests, signatures.size());
        assertTrue(
                signatures.stream()
                        .allMatch(s -> s.startsWith("AWS4-HMAC-SHA256 Credential=" + LocalDynamo.ACCESS_KEY + "/")
                                && s.contains("/eu-north-1/lambda/aws4_request")),
                signatures.toString());
        String lines = progress.toString(StandardCharsets.UTF_8);
        assertTrue(lines.contains("ok  retry it with the same Idempotency-Key"), lines);
        assertTrue(lines.contains("GET /patients/{helpNumber} -> 410"), lines);
        assertFalse(
                lines.matches("(?s).*\\b[0-9A-Z]{4}-[0-9A-Z]{4}.*"), "a help number in the progress lines: " + lines);
    }

    @Test
    void aFunctionThatThrows_failsTheSmokeTest_withLambdasErrorType() throws IOException {
        serveLambda(exchange -> answer(
                exchange,
                200,
                Map.of("X-Amz-Function-Error", "Unhandled"),
                "{\"errorType\":\"java.lang.IllegalStateException\",\"errorMessage\":\"PATIENTS_TABLE is not set\"}"));

        var failure = assertThrows(IllegalStateException.class, this::runUnheard);

        assertTrue(failure.getMessage().startsWith("the function failed (Unhandled)"), failure.getMessage());
    }

    @Test
    void aMissingFunction_failsTheSmokeTest_namingTheInvocation() throws IOException {
        serveLambda(
                exchange -> answer(exchange, 404, Map.of(), "{\"Type\":\"User\",\"message\":\"Function not found\"}"));

        var failure = assertThrows(IllegalStateException.class, this::runUnheard);

        assertTrue(
                failure.getMessage().contains("/functions/fristed-smoke-visits/invocations: HTTP 404"),
                failure.getMessage());
    }

    @Test
    void anUnexpectedStatus_failsTheSmokeTest_atThatStep() throws IOException {
        var refusing = APIGatewayV2HTTPResponse.builder()
                .withStatusCode(403)
                .withBody("{\"title\":\"Forbidden\",\"detail\":\"this role may not use this route\"}")
                .build();
        serveLambda(exchange -> answer(exchange, 200, Map.of(), ApiEvents.write(refusing)));

        var failure = assertThrows(AssertionError.class, this::runUnheard);

        assertEquals(
                "register a patient: expected 201, got 403 Forbidden: this role may not use this route",
                failure.getMessage());
    }

    /** Each function of template.yaml, under the name it gets in a stack of stage "smoke". */
    private void deployTemplateFunctions() throws IOException {
        Map<String, String> tables = dynamo.createTables(TEMPLATE, "smoke-");
        Map<String, String> variables = new HashMap<>(credentials());
        variables.put("AWS_ENDPOINT_URL_DYNAMODB", dynamo.endpoint().toString());
        variables.put(ServerKey.LOCAL_KEY_VARIABLE, Base64.getEncoder().encodeToString(new byte[32]));
        variables.put(FieldEncryption.LOCAL_KEY_VARIABLE, Base64.getEncoder().encodeToString(new byte[32]));
        TEMPLATE.functions()
                .forEach(function -> deployed.put(
                        TEMPLATE.deployedName(function, STAGE),
                        LocalGateway.handler(function, TEMPLATE, tables, variables)));
        serveLambda(exchange -> {
            String name = exchange.getRequestURI().getPath().split("/")[3];
            var event = ApiEvents.read(
                    Json.mapper().readTree(exchange.getRequestBody().readAllBytes()));
            answer(
                    exchange,
                    200,
                    Map.of(),
                    ApiEvents.write(deployed.get(name).handleRequest(event, new LocalContext(name))));
        });
    }

    private interface Invocation {
        void handle(HttpExchange exchange) throws IOException;
    }

    /** A stand-in for Lambda's Invoke API: POST /2015-03-31/functions/{name}/invocations. */
    private void serveLambda(Invocation invocation) throws IOException {
        lambda = HttpServer.create(new InetSocketAddress("127.0.0.1", FreePort.next()), 0);
        lambda.createContext("/2015-03-31/functions/", exchange -> {
            invoked.add(exchange.getRequestURI().getPath().split("/")[3]);
            signatures.add(exchange.getRequestHeaders().getFirst("Authorization"));
            try {
                invocation.handle(exchange);
            } catch (RuntimeException e) { // as Lambda reports a function that threw
                answer(
                        exchange,
                        200,
                        Map.of("X-Amz-Function-Error", "Unhandled"),
                        "{\"errorType\":\"" + e.getClass().getName() + "\"}");
            }
        });
        lambda.start();
    }

    private static void answer(HttpExchange exchange, int status, Map<String, String> headers, String body)
            throws IOException {
        headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** The smoke test against the stand-in, its progress lines dropped: for runs that must fail. */
    private void runUnheard() {
        new StackSmoke(gatewayOverLambda(), new PrintStream(new ByteArrayOutputStream())).run();
    }

    private LocalGateway gatewayOverLambda() {
        Map<String, String> env = new HashMap<>(credentials());
        env.put(
                "AWS_ENDPOINT_URL_LAMBDA",
                "http://127.0.0.1:" + lambda.getAddress().getPort());
        return LocalGateway.withHandlers(
                TEMPLATE, function -> new LambdaApi(Environment.of(env), TEMPLATE.deployedName(function, STAGE)));
    }

    private static Map<String, String> credentials() {
        return Map.of(
                "AWS_REGION",
                "eu-north-1",
                "AWS_ACCESS_KEY_ID",
                LocalDynamo.ACCESS_KEY,
                "AWS_SECRET_ACCESS_KEY",
                LocalDynamo.SECRET_KEY);
    }
}
