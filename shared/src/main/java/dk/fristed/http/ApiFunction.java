package dk.fristed.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dk.fristed.i18n.Language;
import dk.fristed.json.Json;
import dk.fristed.log.JsonLog;
import dk.fristed.problem.ApiProblem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The Lambda entry point every function shares: finds the route by API Gateway's route key, checks
 * the caller's role, runs the handler and writes the response or the problem. Handlers only parse,
 * call the domain and return a result.
 */
public abstract class ApiFunction implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    /** API Gateway accepts up to 10 MB; no Fristed request needs more than a few kilobytes. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private final Map<String, Route> routes;
    private final JsonLog log;
    /** Held here because CRaC holds registered resources weakly. */
    private SnapStartPriming priming;

    protected ApiFunction(List<Route> routes, JsonLog log) {
        this.routes = routes.stream().collect(Collectors.toUnmodifiableMap(Route::key, Function.identity()));
        this.log = log;
    }

    /**
     * Asks SnapStart to run these requests before it snapshots this function (see
     * {@link SnapStartPriming}), after {@code warmUps} that reach what no harmless request reaches (e.g.
     * encryption). Call it from the Lambda constructor only; none of it may change anything.
     */
    protected final void primeBeforeSnapshot(List<APIGatewayV2HTTPEvent> requests, Runnable... warmUps) {
        priming = SnapStartPriming.register(this, requests, List.of(warmUps));
    }

    /**
     * Runs the registered SnapStart priming now, as Lambda does before it snapshots: for the bench,
     * whose JVM cannot checkpoint. Does nothing unless the Lambda constructor registered it.
     */
    public final void primeNow() {
        if (priming != null) {
            priming.beforeCheckpoint(null);
        }
    }

    /** The routes this function serves; a test checks they are exactly the ones template.yaml wires to it. */
    public Map<String, Route> routes() {
        return routes;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        long started = System.nanoTime();
        String requestId = context != null ? context.getAwsRequestId() : null;
        String routeKey = event.getRouteKey();
        APIGatewayV2HTTPResponse response;
        String outcome = null;
        try {
            response = serve(event, requestId);
        } catch (ApiProblem problem) {
            response = ProblemResponses.of(problem, requestId, language(event));
            // the title only: a field's name can be a key the client made up, even a person's name
            outcome = problem.title();
        } catch (RuntimeException unexpected) {
            // The class name tells an engineer where to look; the message may quote data, so it stays out.
            var retryable = RetryableFailures.problemFor(unexpected);
            Map<String, Object> failure = new LinkedHashMap<>();
            failure.put("requestId", String.valueOf(requestId));
            failure.put("route", String.valueOf(routeKey));
            failure.put("error", unexpected.getClass().getName());
            failure.put("at", topFrame(unexpected));
            // what failed, for the alarms counted from the logs (template.yaml's FailuresFilters)
            failure.put("failed", FailedDependency.of(unexpected, retryable).logName());
            log.error(retryable.isPresent() ? "database unavailable" : "unhandled error", failure);
            response = retryable
                    .map(problem -> ProblemResponses.of(problem, requestId, language(event)))
                    .orElseGet(() -> ProblemResponses.internalError(requestId, language(event)));
            if (retryable.isPresent()) {
                outcome = retryable.get().title();
            }
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("requestId", String.valueOf(requestId));
        fields.put("route", String.valueOf(routeKey));
        fields.put("status", response.getStatusCode());
        fields.put("durationMs", (System.nanoTime() - started) / 1_000_000);
        if (outcome != null) {
            fields.put("problem", outcome);
        }
        log.info("request", fields);
        return response;
    }

    /**
     * What comes before the routes' paths in the URL the client called: "/prod" on the execute-api URL of
     * a named stage, nothing on {@code $default} or a custom domain mapped to the stage. A Location built
     * from it stays inside the API.
     */
    static String basePath(APIGatewayV2HTTPEvent event) {
        var context = event.getRequestContext();
        String stage = context == null ? null : context.getStage();
        String rawPath = event.getRawPath();
        if (stage == null || stage.equals("$default") || rawPath == null) {
            return "";
        }
        String prefix = "/" + stage;
        return rawPath.startsWith(prefix + "/") ? prefix : "";
    }

    private APIGatewayV2HTTPResponse serve(APIGatewayV2HTTPEvent event, String requestId) {
        Route route = routes.get(event.getRouteKey());
        if (route == null) {
            throw ApiProblem.notFound(null, "no such route");
        }
        ApiRequest request = ApiRequest.from(event, MAX_BODY_BYTES);
        if (!request.caller().isAuthenticated()) {
            throw ApiProblem.unauthorized();
        }
        if (!request.caller().hasAnyOf(route.allowed())) {
            throw ApiProblem.forbidden();
        }
        ApiResponse result = route.handler().handle(request);
        Map<String, String> headers = new LinkedHashMap<>(result.headers());
        // records are never cached; only a route answering with no data (GET /reference) may say otherwise
        headers.putIfAbsent("Cache-Control", "no-store");
        headers.put(ApiResponse.NOSNIFF, "nosniff");
        headers.computeIfPresent("Location", (name, path) -> basePath(event) + path);
        var builder = APIGatewayV2HTTPResponse.builder().withStatusCode(result.status());
        if (result.body() instanceof TextBody text) {
            headers.put("Content-Type", text.contentType());
            if (text.fileName() != null) {
                headers.put("Content-Disposition", "attachment; filename=\"" + text.fileName() + "\"");
            }
            builder.withBody(text.text());
        } else if (result.body() != null) {
            headers.put("Content-Type", "application/json");
            builder.withBody(Json.write(result.body()));
        }
        return builder.withHeaders(headers).build();
    }

    /** The language a problem is told in: the first of da, nb, en the caller's Accept-Language prefers. */
    private static Language language(APIGatewayV2HTTPEvent event) {
        if (event.getHeaders() == null) {
            return Language.EN;
        }
        return event.getHeaders().entrySet().stream()
                .filter(h -> h.getKey().equalsIgnoreCase("Accept-Language"))
                .findFirst()
                .map(h -> Language.preferred(h.getValue()))
                .orElse(Language.EN);
    }

    private static String topFrame(Throwable error) {
        StackTraceElement[] trace = error.getStackTrace();
        return trace.length == 0 ? "" : trace[0].getClassName() + ":" + trace[0].getLineNumber();
    }
}
