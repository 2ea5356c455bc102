package dk.fristed.devkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Matches a request to an HTTP API route the way API Gateway does: a literal segment beats a
 * {@code {parameter}}, and a parameter matches exactly one non-empty path segment.
 */
public final class RouteMatcher<T> {
    private record Entry<T>(String method, Pattern pattern, List<String> parameters, int literals, T target) {}

    public record Match<T>(T target, Map<String, String> pathParameters) {}

    private final List<Entry<T>> entries = new ArrayList<>();

    public void add(String method, String path, T target) {
        List<String> parameters = new ArrayList<>();
        StringBuilder regex = new StringBuilder();
        int literals = 0;
        for (String segment : path.substring(1).split("/", -1)) {
            regex.append('/');
            if (segment.startsWith("{") && segment.endsWith("}")) {
                parameters.add(segment.substring(1, segment.length() - 1));
                regex.append("([^/]+)");
            } else {
                literals++;
                regex.append(Pattern.quote(segment));
            }
        }
        entries.add(new Entry<>(method, Pattern.compile(regex.toString()), parameters, literals, target));
        entries.sort((a, b) -> Integer.compare(b.literals(), a.literals()));
    }

    public Optional<Match<T>> match(String method, String path) {
        for (Entry<T> entry : entries) {
            Matcher matcher = entry.pattern().matcher(path);
            if (entry.method().equals(method) && matcher.matches()) {
                Map<String, String> parameters = new LinkedHashMap<>();
                for (int i = 0; i < entry.parameters().size(); i++) {
                    parameters.put(
                            entry.parameters().get(i),
                            java.net.URLDecoder.decode(matcher.group(i + 1), java.nio.charset.StandardCharsets.UTF_8));
                }
                return Optional.of(new Match<>(entry.target(), parameters));
            }
        }
        return Optional.empty();
    }
}
