package dk.fristed.devkit;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.fristed.config.Environment;

import java.lang.reflect.InvocationTargetException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * API Gateway in a process: every HttpApi route of template.yaml, dispatched to the real handler
 * class of its function with the event AWS would send. Token checks are the caller's (the HTTP
 * runner verifies JWTs; tests pass claims directly).
 */
public final class LocalGateway {
    private record Target(
            SamTemplate.FunctionDefinition function,
            SamTemplate.HttpRoute route,
            RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler) {}

    private final RouteMatcher<Target> routes;
    private final List<SamTemplate.FunctionDefinition> functions;
    /** The stage the routes are served under ("/prod/visits"), or null for {@code $default} (at the root). */
    private final String stage;

    private LocalGateway(List<SamTemplate.FunctionDefinition> functions, RouteMatcher<Target> routes, String stage) {
        this.functions = functions;
        this.routes = routes;
        this.stage = stage;
    }

    /**
     * The same routes under a named stage, as the deployed API serves them: {@code /prod/visits} reaches
     * {@code POST /visits}, {@code /visits} reaches nothing, and the functions see the stage in the event.
     */
    public LocalGateway underStage(String stage) {
        return new LocalGateway(functions, routes, stage);
    }

    /** The part of a URL path a route is matched against: without the stage; empty when outside it. */
    private Optional<String> routePath(String path) {
        if (stage == null) {
            return Optional.of(path);
        }
        String prefix = "/" + stage;
        return path.startsWith(prefix + "/") ? Optional.of(path.substring(prefix.length())) : Optional.empty();
    }

    /**
     * Instantiates each function of the template through its {@code (Environment)} constructor, with
     * its environment variables resolved for a local run plus {@code extraVariables} (DynamoDB Local's
     * endpoint, credentials, the local server key).
     */
    public static LocalGateway fromTemplate(
            SamTemplate template, Map<String, String> tableNames, Map<String, String> extraVariables) {
        return withHandlers(template, function -> handler(function, template, tableNames, extraVariables));
    }

    /** The template's routes, served by handlers the caller builds (tests pass collaborators in). */
    public static LocalGateway withHandlers(
            SamTemplate template,
            Function<SamTemplate.FunctionDefinition, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>>
                    handlers) {
        LocalGateway gateway = new LocalGateway(template.functions(), new RouteMatcher<>(), null);
        for (var function : gateway.functions) {
            var handler = handlers.apply(function);
            for (var route : function.routes()) {
                gateway.routes.add(route.method(), route.path(), new Target(function, route, handler));
            }
        }
        return gateway;
    }

    public List<SamTemplate.FunctionDefinition> functions() {
        return functions;
    }

    /** A request as a client sends it; {@code claims} are the verified token's, or null for none. */
    public record Request(
            String method,
            String path,
            String rawQuery,
            Map<String, String> headers,
            byte[] body,
            Map<String, String> claims) {}

    /** The route key a request matches, as the access log names it; empty when none does. */
    public Optional<String> routeKey(String method, String path) {
        return routePath(path)
                .flatMap(p -> routes.match(method, p))
                .map(m -> m.target().route().key());
    }

    /** Routes the request; empty when no route matches (API Gateway answers 404 {"message":"Not Found"}). */
    public Optional<APIGatewayV2HTTPResponse> handle(Request request) {
        var match = routePath(request.path()).flatMap(p -> routes.match(request.method(), p));
        if (match.isEmpty()) {
            return Optional.empty();
        }
        Target target = match.get().target();
        Map<String, String> headers = new LinkedHashMap<>();
        request.headers().forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value));
        ObjectNode event = ApiEvents.build(
                target.route().key(),
                request.method(),
                request.path(),
                request.rawQuery(),
                headers,
                match.get().pathParameters(),
                queryParameters(request.rawQuery()),
                request.body(),
                request.claims(),
                stage == null ? "$default" : stage);
        return Optional.of(target.handler()
                .handleRequest(
                        ApiEvents.read(event),
                        new LocalContext(target.function().logicalId())));
    }

    /** As API Gateway does: repeated parameters are joined with commas. */
    static Map<String, String> queryParameters(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            parameters.merge(name, value, (a, b) -> a + "," + b);
        }
        return parameters;
    }

    /** One function of the template, built as {@link #fromTemplate} builds each. */
    @SuppressWarnings("unchecked")
    public static RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler(
            SamTemplate.FunctionDefinition function,
            SamTemplate template,
            Map<String, String> tableNames,
            Map<String, String> extraVariables) {
        return (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>)
                instance(function, template, tableNames, extraVariables);
    }

    /** The template's functions without HTTP routes (schedules, streams), by logical id, built as {@link #instance} builds them. */
    public static Map<String, RequestHandler<?, ?>> routeless(
            SamTemplate template, Map<String, String> tableNames, Map<String, String> extraVariables) {
        Map<String, RequestHandler<?, ?>> functions = new LinkedHashMap<>();
        for (var function : template.functions()) {
            if (function.routes().isEmpty()) {
                functions.put(function.logicalId(), instance(function, template, tableNames, extraVariables));
            }
        }
        return functions;
    }

    /** Any function of the template (an HTTP, scheduled or stream handler), built from its environment as Lambda would. */
    public static RequestHandler<?, ?> instance(
            SamTemplate.FunctionDefinition function,
            SamTemplate template,
            Map<String, String> tableNames,
            Map<String, String> extraVariables) {
        Map<String, String> variables = new LinkedHashMap<>();
        function.environment()
                .forEach((name, value) -> variables.put(name, template.resolveLocally(value, tableNames)));
        variables.remove("JAVA_TOOL_OPTIONS");
        variables.putAll(extraVariables);
        try {
            return (RequestHandler<?, ?>) Class.forName(function.handlerClass())
                    .getConstructor(Environment.class)
                    .newInstance(Environment.of(variables));
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(function.logicalId() + " failed at init", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(
                    function.logicalId() + ": " + function.handler()
                            + " needs a public constructor taking dk.fristed.config.Environment",
                    e);
        }
    }
}
