package dk.fristed.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dk.fristed.config.Environment;
import dk.fristed.http.ApiFunction;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * A function's cold start as Lambda sees it: the handler class loaded from the function's jar and
 * built at init, then one request from its events/ fixture. The event is built with the events
 * library's builder, as the runtime hands it over after deserialising; the parent flattened the
 * fixture into a properties file, so that no JSON parsing of the bench's own is timed.
 */
final class FunctionInvocation {
    /** A fresh idempotency key per run, made by the parent so that no child times the making of it. */
    static final String RUN_KEY_VARIABLE = "BENCH_IDEMPOTENCY_KEY";

    private FunctionInvocation() {}

    @SuppressWarnings("unchecked")
    static int run(String handlerClass, Path flattenedEvent, boolean primed) throws Exception {
        Properties event = new Properties();
        try (Reader in = Files.newBufferedReader(flattenedEvent)) {
            event.load(in);
        }
        var request = event(event);
        RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler;
        if (primed) {
            // Lambda's own constructor, which registers the priming, then what runs before the snapshot
            var function =
                    (ApiFunction) Class.forName(handlerClass).getConstructor().newInstance();
            function.primeNow();
            handler = function;
        } else {
            handler = (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>) Class.forName(handlerClass)
                    .getConstructor(Environment.class)
                    .newInstance(Environment.system());
        }
        ColdStartChild.requestStarted = System.nanoTime();
        return handler.handleRequest(request, null).getStatusCode();
    }

    private static APIGatewayV2HTTPEvent event(Properties fixture) {
        String routeKey = fixture.getProperty("routeKey");
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(routeKey)
                .withRawPath(fixture.getProperty("rawPath"))
                .withRawQueryString(fixture.getProperty("rawQueryString", ""))
                .withHeaders(group(fixture, "headers."))
                .withPathParameters(group(fixture, "pathParameters."))
                .withQueryStringParameters(group(fixture, "queryStringParameters."))
                .withBody(fixture.getProperty("body"))
                .withIsBase64Encoded(Boolean.parseBoolean(fixture.getProperty("isBase64Encoded", "false")))
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId("bench")
                        .withRouteKey(routeKey)
                        .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                                .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT
                                        .builder()
                                        .withClaims(group(fixture, "claims."))
                                        .build())
                                .build())
                        .build())
                .build();
    }

    private static Map<String, String> group(Properties fixture, String prefix) {
        Map<String, String> values = new HashMap<>();
        fixture.stringPropertyNames().stream()
                .filter(name -> name.startsWith(prefix))
                .forEach(name -> values.put(name.substring(prefix.length()), fixture.getProperty(name)));
        // a client sends a new key with every new request; the fixture's key would make every run after
        // the first a replay of the first
        values.computeIfPresent("idempotency-key", (name, fixed) -> System.getenv(RUN_KEY_VARIABLE));
        return values.isEmpty() ? null : values;
    }
}
