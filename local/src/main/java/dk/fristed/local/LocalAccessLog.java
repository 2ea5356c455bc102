package dk.fristed.local;

import dk.fristed.devkit.SamTemplate;
import dk.fristed.json.Json;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API's access log line, in template.yaml's own format (HttpApi's AccessLogSettings), filled with what
 * the runner knows of a request: the same fields locally as deployed, and no more. A variable the runner
 * does not know is "-", as API Gateway writes one that has no value.
 */
final class LocalAccessLog {
    private static final Pattern VARIABLE = Pattern.compile("\\$context\\.([A-Za-z0-9.:]+)");

    private final String format;

    private LocalAccessLog(String format) {
        this.format = format;
    }

    @SuppressWarnings("unchecked")
    static LocalAccessLog of(SamTemplate template) {
        Map<String, Object> api = template.resources("AWS::Serverless::HttpApi")
                .values()
                .iterator()
                .next();
        var settings = (Map<String, Object>) ((Map<String, Object>) api.get("Properties")).get("AccessLogSettings");
        return new LocalAccessLog((String) settings.get("Format"));
    }

    /** @param context values by variable name without {@code $context.} ("routeKey", "authorizer.claims.cognito:groups") */
    String line(Map<String, String> context) {
        Matcher variable = VARIABLE.matcher(format);
        StringBuilder out = new StringBuilder();
        while (variable.find()) {
            String value = context.getOrDefault(variable.group(1), "-");
            String escaped = Json.write(value);
            variable.appendReplacement(out, Matcher.quoteReplacement(escaped.substring(1, escaped.length() - 1)));
        }
        return variable.appendTail(out).toString();
    }
}
