package dk.fristed.devkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * template.yaml as the local runner and the tests read it: its tables, its functions and the HTTP
 * API routes wired to them, and the functions' environment with intrinsics resolved for a local run.
 */
public final class SamTemplate {
    public static final String TABLE = "AWS::DynamoDB::Table";
    public static final String FUNCTION = "AWS::Serverless::Function";
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]+)}");

    private final Path path;
    private final Map<String, Object> root;

    private SamTemplate(Path path, Map<String, Object> root) {
        this.path = path;
        this.root = root;
    }

    public static SamTemplate load(Path path) {
        return new SamTemplate(path, CloudFormationYaml.read(path));
    }

    /** template.yaml of this checkout, found from the working directory upwards (tests run in module folders). */
    public static SamTemplate ofProject() {
        return load(projectRoot().resolve("template.yaml"));
    }

    public static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.exists(dir.resolve("template.yaml")) && Files.exists(dir.resolve("pom.xml"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException(
                "template.yaml not found above " + Path.of("").toAbsolutePath());
    }

    public Path path() {
        return path;
    }

    public Map<String, Object> root() {
        return root;
    }

    /** The resources of one type, by logical id, in template order. */
    public Map<String, Map<String, Object>> resources(String type) {
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        map(root.get("Resources")).forEach((id, resource) -> {
            if (type.equals(map(resource).get("Type"))) {
                found.put(id, map(resource));
            }
        });
        return found;
    }

    public List<TableDefinition> tables() {
        List<TableDefinition> tables = new ArrayList<>();
        resources(TABLE)
                .forEach((id, resource) -> tables.add(new TableDefinition(id, map(resource.get("Properties")))));
        return tables;
    }

    public List<FunctionDefinition> functions() {
        Map<String, Object> globals =
                map(map(map(root.get("Globals")).get("Function")).get("Environment"));
        List<FunctionDefinition> functions = new ArrayList<>();
        resources(FUNCTION).forEach((id, resource) -> {
            Map<String, Object> properties = map(resource.get("Properties"));
            Map<String, Object> environment = new LinkedHashMap<>(map(globals.get("Variables")));
            environment.putAll(map(map(properties.get("Environment")).get("Variables")));
            List<HttpRoute> routes = new ArrayList<>();
            map(properties.get("Events")).forEach((eventId, event) -> {
                Map<String, Object> e = map(event);
                if ("HttpApi".equals(e.get("Type"))) {
                    Map<String, Object> p = map(e.get("Properties"));
                    routes.add(new HttpRoute(
                            eventId, String.valueOf(p.get("Method")).toUpperCase(), String.valueOf(p.get("Path"))));
                }
            });
            functions.add(new FunctionDefinition(
                    id,
                    (String) properties.get("Handler"),
                    (String) properties.get("CodeUri"),
                    environment,
                    routes,
                    properties.get("FunctionName")));
        });
        return functions;
    }

    /** Every DynamoDB stream event of a function: which table's stream it reads and the filter patterns it gives. */
    public List<StreamSubscription> streamSubscriptions() {
        return events("DynamoDB")
                .map(e -> {
                    List<?> getAtt = (List<?>) map(e.properties().get("Stream")).get("Fn::GetAtt");
                    if (getAtt == null || !"StreamArn".equals(getAtt.get(1))) {
                        throw new IllegalStateException(
                                e.functionId() + "." + e.eventId() + ": Stream must be !GetAtt <Table>.StreamArn");
                    }
                    List<String> patterns = new ArrayList<>();
                    for (Object filter :
                            (List<?>) map(e.properties().get("FilterCriteria")).getOrDefault("Filters", List.of())) {
                        patterns.add((String) map(filter).get("Pattern"));
                    }
                    return new StreamSubscription(e.functionId(), (String) getAtt.get(0), patterns);
                })
                .toList();
    }

    /** Every EventBridge schedule of a function ({@code Type: Schedule}), with its expression as written. */
    public List<ScheduleDefinition> schedules() {
        return events("Schedule")
                .map(e -> new ScheduleDefinition(
                        e.functionId(), e.eventId(), (String) e.properties().get("Schedule")))
                .toList();
    }

    private record Event(String functionId, String eventId, Map<String, Object> properties) {}

    /** The functions' events of one type, in template order. */
    private java.util.stream.Stream<Event> events(String type) {
        List<Event> events = new ArrayList<>();
        resources(FUNCTION)
                .forEach((id, resource) -> map(map(resource.get("Properties")).get("Events"))
                        .forEach((eventId, event) -> {
                            if (type.equals(map(event).get("Type"))) {
                                events.add(new Event(id, eventId, map(map(event).get("Properties"))));
                            }
                        }));
        return events.stream();
    }

    public record ScheduleDefinition(String functionLogicalId, String eventId, String expression) {}

    /** A function reading a table's stream, with Lambda's filter patterns (a record passes if any matches). */
    public record StreamSubscription(String functionLogicalId, String tableLogicalId, List<String> filterPatterns) {}

    /**
     * A value of the template as it would be deployed locally: parameters take their defaults,
     * {@code !Ref} of a table gives its local table name, {@code !GetAtt X.Arn} a local ARN.
     */
    public String resolveLocally(Object value, Map<String, String> tableNames) {
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        Map<String, Object> intrinsic = map(value);
        if (intrinsic.containsKey("Ref")) {
            return resolveRef((String) intrinsic.get("Ref"), tableNames);
        }
        if (intrinsic.containsKey("Fn::GetAtt")) {
            List<?> parts = (List<?>) intrinsic.get("Fn::GetAtt");
            return "arn:aws:local:eu-north-1:000000000000:" + parts.get(0);
        }
        if (intrinsic.containsKey("Fn::Sub") && intrinsic.get("Fn::Sub") instanceof String text) {
            Matcher matcher = SUB_VARIABLE.matcher(text);
            StringBuilder out = new StringBuilder();
            while (matcher.find()) {
                matcher.appendReplacement(
                        out,
                        Matcher.quoteReplacement(resolveRef(matcher.group(1).split("\\.")[0], tableNames)));
            }
            return matcher.appendTail(out).toString();
        }
        throw new IllegalArgumentException("the local runner cannot resolve " + intrinsic.keySet());
    }

    /** The name a function is deployed under in a stack of the given stage (its FunctionName, resolved). */
    public String deployedName(FunctionDefinition function, String stage) {
        if (function.name() == null) {
            throw new IllegalStateException(function.logicalId() + " has no FunctionName in template.yaml");
        }
        return resolveLocally(function.name(), Map.of("Stage", stage));
    }

    /** A parameter's default value ({@code Stage}: "prod"): what a local run takes for it. */
    public String parameterDefault(String name) {
        Object value = map(map(root.get("Parameters")).get(name)).get("Default");
        if (value == null) {
            throw new IllegalArgumentException("template.yaml has no default for the parameter " + name);
        }
        return String.valueOf(value);
    }

    private String resolveRef(String name, Map<String, String> tableNames) {
        if (tableNames.containsKey(name)) {
            return tableNames.get(name);
        }
        Map<String, Object> parameter = map(map(root.get("Parameters")).get(name));
        if (parameter.containsKey("Default")) {
            return String.valueOf(parameter.get("Default"));
        }
        return switch (name) {
            case "AWS::Region" -> "eu-north-1";
            case "AWS::AccountId" -> "000000000000";
            case "AWS::Partition" -> "aws";
            default -> name;
        };
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /**
     * A function and the HTTP API routes template.yaml wires to it.
     *
     * @param name its FunctionName as written in the template (a !Sub of the stage), or null
     */
    public record FunctionDefinition(
            String logicalId,
            String handler,
            String codeUri,
            Map<String, Object> environment,
            List<HttpRoute> routes,
            Object name) {
        public String handlerClass() {
            return handler.split("::")[0];
        }
    }

    /** One HttpApi event: its route key is what API Gateway puts in the event's {@code routeKey}. */
    public record HttpRoute(String eventId, String method, String path) {
        public String key() {
            return method + " " + path;
        }
    }
}
