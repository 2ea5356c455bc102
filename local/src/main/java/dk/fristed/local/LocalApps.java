package dk.fristed.local;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What template.yaml's parameters let an app do, as {@code make run} sets them: the origin a page may
 * call from ({@code AllowedOrigin}, CORS) and where sign-in and sign-out may return
 * ({@code AppCallbackUrls}, {@code AppSignOutUrls}). Defaults suit the web app make run serves from web/
 * on port 5173 ({@link LocalWebApp}).
 */
public record LocalApps(String origin, List<String> callbackUrls, List<String> signOutUrls, boolean servesWebApp) {
    static final String ORIGIN_VARIABLE = "FRISTED_ALLOWED_ORIGIN";
    static final String CALLBACKS_VARIABLE = "FRISTED_CALLBACK_URLS";
    static final String SIGN_OUTS_VARIABLE = "FRISTED_SIGN_OUT_URLS";
    static final String DEFAULT_ORIGIN = "http://localhost:5173";

    public LocalApps {
        callbackUrls = List.copyOf(callbackUrls);
        signOutUrls = List.copyOf(signOutUrls);
    }

    /** An app served elsewhere (a test's own page, a dev server). */
    public LocalApps(String origin, List<String> callbackUrls, List<String> signOutUrls) {
        this(origin, callbackUrls, signOutUrls, false);
    }

    /** The port a local origin ({@code http://localhost:5173}) listens on, where make run serves web/. */
    Optional<Integer> localPort() {
        var uri = java.net.URI.create(origin);
        boolean local = "http".equals(uri.getScheme())
                && ("localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost()));
        return local && uri.getPort() > 0 ? Optional.of(uri.getPort()) : Optional.empty();
    }

    /** From the variables, each defaulting to the web app's origin, where make run serves web/. */
    public static LocalApps fromEnvironment() {
        String origin = Optional.ofNullable(System.getenv(ORIGIN_VARIABLE)).orElse(DEFAULT_ORIGIN);
        return new LocalApps(
                origin, urls(CALLBACKS_VARIABLE, origin + "/signed-in"), urls(SIGN_OUTS_VARIABLE, origin + "/"), true);
    }

    private static List<String> urls(String variable, String fallback) {
        String value = System.getenv(variable);
        return value == null
                ? List.of(fallback)
                : Arrays.stream(value.split(","))
                        .map(String::strip)
                        .filter(url -> !url.isEmpty())
                        .toList();
    }
}
