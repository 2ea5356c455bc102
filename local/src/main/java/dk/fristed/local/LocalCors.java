package dk.fristed.local;

import dk.fristed.devkit.SamTemplate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The HTTP API's CorsConfiguration from template.yaml, applied as API Gateway applies it, so that a web
 * app meets the same rules on {@code make run} as deployed: only the allowed origin is answered (its
 * {@code AllowedOrigin} parameter as {@link LocalApps} sets it locally), preflights are answered by the gateway, and CORS headers go on what a function answers, never
 * on the gateway's own 401, 404 or 413 (API Gateway adds them "to the response from an integration" only).
 */
final class LocalCors {
    private final List<String> origins;
    private final List<String> methods;
    private final List<String> allowHeaders;
    private final List<String> exposeHeaders;
    private final String maxAge;

    private LocalCors(
            List<String> origins,
            List<String> methods,
            List<String> allowHeaders,
            List<String> exposeHeaders,
            String maxAge) {
        this.origins = origins;
        this.methods = methods;
        this.allowHeaders = allowHeaders;
        this.exposeHeaders = exposeHeaders;
        this.maxAge = maxAge;
    }

    /** From the template's one HTTP API; the allowed origin as {@code make run} sets it. */
    static LocalCors of(SamTemplate template, String localOrigin) {
        Map<String, Object> api = template.resources("AWS::Serverless::HttpApi")
                .values()
                .iterator()
                .next();
        @SuppressWarnings("unchecked")
        Map<String, Object> cors =
                (Map<String, Object>) ((Map<String, Object>) api.get("Properties")).get("CorsConfiguration");
        List<String> origins = list(cors.get("AllowOrigins")).stream()
                .map(o -> o instanceof Map<?, ?> ref && "AllowedOrigin".equals(ref.get("Ref"))
                        ? localOrigin
                        : String.valueOf(o))
                .toList();
        return new LocalCors(
                origins,
                strings(cors.get("AllowMethods")),
                strings(cors.get("AllowHeaders")),
                strings(cors.get("ExposeHeaders")),
                String.valueOf(cors.get("MaxAge")));
    }

    /** The preflight's CORS headers; none for an origin that is not allowed, and the browser refuses the call. */
    Map<String, String> preflight(String origin) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (allowed(origin)) {
            headers.put("Access-Control-Allow-Origin", origin);
            headers.put("Access-Control-Allow-Methods", String.join(",", methods));
            headers.put("Access-Control-Allow-Headers", String.join(",", allowHeaders));
            headers.put("Access-Control-Max-Age", maxAge);
        }
        return headers;
    }

    /** The CORS headers on a function's answer to an allowed origin. */
    Map<String, String> onAnswer(String origin) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (allowed(origin)) {
            headers.put("Access-Control-Allow-Origin", origin);
            headers.put("Access-Control-Expose-Headers", String.join(",", exposeHeaders));
        }
        return headers;
    }

    boolean allowed(String origin) {
        return origin != null && origins.contains(origin);
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> list ? list : List.of(value);
    }

    private static List<String> strings(Object value) {
        return list(value).stream().map(String::valueOf).toList();
    }
}
