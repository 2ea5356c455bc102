package dk.fristed.devkit;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A request made up by the fuzzer (Jazzer) for any route of a function: path values (sometimes a
 * known good one, so the fuzzer gets past the lookup), query parameters, an Idempotency-Key, an
 * If-Match and a body, from a signed-in user of {@code group}, as API Gateway hands it to the function.
 */
public final class FuzzedRequests {
    private FuzzedRequests() {}

    /**
     * @param known a good value per path parameter name ({@code helpNumber}, {@code referralId}, ...)
     * @param queryNames the query parameters the function's routes read
     */
    public static APIGatewayV2HTTPEvent request(
            FuzzedDataProvider data,
            List<String> routes,
            Map<String, String> known,
            String[] queryNames,
            String group) {
        String route = data.pickValue(routes);
        Map<String, String> path = new HashMap<>();
        new TreeMap<>(known).forEach((name, good) -> { // in a fixed order, so that a failing input replays
            if (route.contains("{" + name + "}")) {
                path.put(name, data.consumeBoolean() ? good : data.consumeString(24));
            }
        });
        Map<String, String> query = new HashMap<>();
        int parameters = data.consumeInt(0, 4);
        for (int i = 0; i < parameters; i++) {
            query.put(data.pickValue(queryNames), data.consumeString(40));
        }
        Map<String, String> headers = new HashMap<>();
        headers.put("content-type", "application/json");
        if (data.consumeBoolean()) {
            headers.put("idempotency-key", data.consumeString(40));
        }
        if (data.consumeBoolean()) {
            headers.put("if-match", data.consumeString(8));
        }
        String body = data.consumeRemainingAsString();
        return APIGatewayV2HTTPEvent.builder()
                .withRouteKey(route)
                .withRawPath("/fuzz")
                .withHeaders(headers)
                .withPathParameters(path.isEmpty() ? null : path)
                .withQueryStringParameters(query.isEmpty() ? null : query)
                .withBody(body.isEmpty() ? null : body)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId("fuzz")
                        .withRouteKey(route)
                        .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                                .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT
                                        .builder()
                                        .withClaims(FunctionTestbed.claims(group))
                                        .build())
                                .build())
                        .build())
                .build();
    }
}
