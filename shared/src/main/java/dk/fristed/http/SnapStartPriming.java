package dk.fristed.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SnapStart priming: before Lambda snapshots an initialised function, it runs a few requests that
 * change nothing (a read that finds nothing, a body that fails validation), {@link #ROUNDS} times, so
 * Jackson, the SDK's request path and the HTTP connection are loaded, linked and compiled in the
 * snapshot instead of on the first real request after a restore.
 */
public final class SnapStartPriming implements Resource {
    /** The caller of priming requests: no real user, a role that may use the routes. */
    public static final String SUBJECT = "snapstart-priming";

    /**
     * Priming runs this often, so that the snapshot holds the request path compiled by C1 (a method is
     * compiled after a few hundred calls), not only loaded. Measured with make bench: a primed visits
     * function's first registration 37 ms after one round, 36 after 10, 16-19 after 25 or 50; priming
     * takes 2.3 s instead of 0.6, once per published version, and still writes nothing.
     */
    static final int ROUNDS = 50;

    private final ApiFunction function;
    private final List<APIGatewayV2HTTPEvent> requests;
    private final List<Runnable> warmUps;

    SnapStartPriming(ApiFunction function, List<APIGatewayV2HTTPEvent> requests, List<Runnable> warmUps) {
        this.function = function;
        this.requests = List.copyOf(requests);
        this.warmUps = List.copyOf(warmUps);
    }

    /** Registers the priming; the function keeps the returned resource, as CRaC holds it weakly. */
    static SnapStartPriming register(
            ApiFunction function, List<APIGatewayV2HTTPEvent> requests, List<Runnable> warmUps) {
        SnapStartPriming priming = new SnapStartPriming(function, requests, warmUps);
        Core.getGlobalContext().register(priming);
        return priming;
    }

    /**
     * Registers warm-ups alone, for a function that serves no HTTP route (a scheduled one): they may
     * read, never write. The caller keeps the returned resource, as CRaC holds it weakly.
     */
    public static SnapStartPriming registerWarmUps(Runnable... warmUps) {
        SnapStartPriming priming = new SnapStartPriming(null, List.of(), List.of(warmUps));
        Core.getGlobalContext().register(priming);
        return priming;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        prime();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // nothing to do: the SDK opens new connections when the old ones turn out closed
    }

    private void prime() {
        for (int round = 0; round < ROUNDS; round++) {
            warmUps.forEach(Runnable::run);
            requests.forEach(request -> function.handleRequest(request, null));
        }
    }

    /**
     * {@link #request}'s request as a route receives it, with more headers (e.g. an Idempotency-Key):
     * for warm-ups that run a route's rehearsal, a path no harmless request can reach.
     */
    public static ApiRequest routeRequest(String routeKey, String body, String group, Map<String, String> headers) {
        APIGatewayV2HTTPEvent event = request(routeKey, null, body, group);
        Map<String, String> all = new HashMap<>(event.getHeaders());
        all.putAll(headers);
        event.setHeaders(all);
        return ApiRequest.from(event, ApiFunction.MAX_BODY_BYTES);
    }

    /** A request as API Gateway would send it, from the priming caller with the given group. */
    public static APIGatewayV2HTTPEvent request(
            String routeKey, Map<String, String> pathParameters, String body, String group) {
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(routeKey)
                .withRawPath(routeKey.substring(routeKey.indexOf(' ') + 1))
                .withHeaders(Map.of("content-type", "application/json"))
                .withPathParameters(pathParameters)
                .withBody(body)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId("snapstart-priming")
                        .withRouteKey(routeKey)
                        .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                                .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT
                                        .builder()
                                        .withClaims(Map.of("sub", SUBJECT, "cognito:groups", "[" + group + "]"))
                                        .build())
                                .build())
                        .build())
                .build();
    }
}
