package dk.fristed.local;

import dk.fristed.devkit.SamTemplate;
import dk.fristed.json.Json;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Cognito's managed login and OAuth endpoints on {@code make run}, so an app's sign-in code runs
 * unchanged against the runner and against AWS: OpenID Connect discovery, the JWKS, authorize (a page to
 * pick one of the four test users), token (authorization code with PKCE, refresh), revoke and logout.
 * Stricter than Cognito where that teaches an app the right habit: PKCE with S256 is required. Codes and
 * refresh tokens live in memory; a restarted runner asks for a new sign-in.
 */
final class LocalSignIn {
    static final String PATH = "/_local/oidc";
    static final Duration CODE_LIFETIME = Duration.ofMinutes(5); // as Cognito's authorization codes
    private static final Set<String> SCOPES = Set.of("openid", "email");
    private static final Pattern PKCE_VALUE = Pattern.compile("[A-Za-z0-9._~-]{43,128}");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a handler answers: the runner writes it as it is. */
    record Answer(int status, Map<String, String> headers, String body) {}

    private record Grant(
            LocalUser user, String redirectUri, String challenge, String nonce, Instant authTime, Instant expiry) {}

    private record Session(LocalUser user, Instant authTime, Instant expiry) {}

    private final LocalAuthority authority;
    private final LocalApps apps;
    private final LocalCors cors;
    private final Duration tokenLifetime;
    private final Duration refreshLifetime;
    private final Clock clock;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Map<String, Session> refreshTokens = new ConcurrentHashMap<>();

    LocalSignIn(
            LocalAuthority authority,
            LocalApps apps,
            LocalCors cors,
            Duration tokenLifetime,
            Duration refreshLifetime,
            Clock clock) {
        this.authority = authority;
        this.apps = apps;
        this.cors = cors;
        this.tokenLifetime = tokenLifetime;
        this.refreshLifetime = refreshLifetime;
        this.clock = clock;
    }

    /** With the token lifetimes of template.yaml's app client, so a local app refreshes as often as a deployed one. */
    static LocalSignIn of(SamTemplate template, LocalAuthority authority, LocalApps apps, LocalCors cors) {
        Map<String, Object> client = SamTemplate.map(template.resources("AWS::Cognito::UserPoolClient")
                .values()
                .iterator()
                .next()
                .get("Properties"));
        Map<String, Object> units = SamTemplate.map(client.get("TokenValidityUnits"));
        return new LocalSignIn(
                authority,
                apps,
                cors,
                lifetime(client.get("AccessTokenValidity"), units.get("AccessToken")),
                lifetime(client.get("RefreshTokenValidity"), units.get("RefreshToken")),
                Clock.systemUTC());
    }

    private static Duration lifetime(Object amount, Object unit) {
        return Duration.of(
                ((Number) amount).longValue(),
                ChronoUnit.valueOf(String.valueOf(unit).toUpperCase(Locale.ROOT)));
    }

    static boolean handles(String path) {
        return path.equals(PATH) || path.startsWith(PATH + "/");
    }

    Answer serve(String method, String path, String query, String origin, String contentType, String body) {
        try {
            return route(method, path.substring(PATH.length()), query, origin, contentType, body);
        } catch (IllegalArgumentException malformed) { // a broken %-escape in the query or form
            return oauthError(400, "invalid_request", "the parameters are not URL-encoded");
        }
    }

    private Answer route(String method, String endpoint, String query, String origin, String contentType, String body) {
        Map<String, String> form = "POST".equals(method) ? parameters(body) : Map.of();
        return switch (method + " " + endpoint) {
            case "GET /.well-known/openid-configuration" -> publicJson(discovery());
            case "GET /.well-known/jwks.json" ->
                publicJson("{\"keys\":[" + authority.publicKey().toJSONString() + "]}");
            case "GET /oauth2/authorize" -> authorizePage(parameters(query));
            case "POST /oauth2/authorize" -> chosen(form);
            case "POST /oauth2/token" -> formOnly(contentType, origin, () -> token(form));
            case "POST /oauth2/revoke" -> formOnly(contentType, origin, () -> revoke(form));
            case "GET /logout" -> logout(parameters(query));
            case "OPTIONS /oauth2/token", "OPTIONS /oauth2/revoke" -> new Answer(204, preflight(origin), null);
            default -> new Answer(404, Map.of("Content-Type", "application/json"), "{\"message\":\"Not Found\"}");
        };
    }

    private Map<String, Object> discovery() {
        String issuer = authority.issuer();
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", issuer);
        document.put("authorization_endpoint", issuer + "/oauth2/authorize");
        document.put("token_endpoint", issuer + "/oauth2/token");
        document.put("revocation_endpoint", issuer + "/oauth2/revoke");
        document.put("end_session_endpoint", issuer + "/logout");
        document.put("jwks_uri", issuer + "/.well-known/jwks.json");
        document.put("response_types_supported", List.of("code"));
        document.put("grant_types_supported", List.of("authorization_code", "refresh_token"));
        document.put("code_challenge_methods_supported", List.of("S256"));
        document.put("scopes_supported", List.copyOf(SCOPES));
        document.put("subject_types_supported", List.of("public"));
        document.put("id_token_signing_alg_values_supported", List.of("RS256"));
        document.put("token_endpoint_auth_methods_supported", List.of("none"));
        return document;
    }

    /** The sign-in page, or a refusal shown here when the client or its return address is unknown (never a redirect there). */
    private Answer authorizePage(Map<String, String> request) {
        String refused = refusal(request);
        if (refused != null) {
            return page(400, "<h1>Sign-in refused</h1><p>" + html(refused) + "</p>");
        }
        String wrong = wrongRequest(request);
        if (wrong != null) {
            return refusedBack(
                    request,
                    wrong.startsWith("scope")
                            ? "invalid_scope"
                            : wrong.startsWith("response_type") ? "unsupported_response_type" : "invalid_request",
                    wrong);
        }
        StringBuilder form = new StringBuilder("<h1>Fristed: sign in (local)</h1><p>Returns to ")
                .append(html(request.get("redirect_uri")))
                .append(". Deployed, Cognito's managed login asks for e-mail, password and ")
                .append("an authenticator code here.</p><form method=\"post\" action=\"")
                .append(PATH)
                .append("/oauth2/authorize\">");
        for (String name : List.of(
                "response_type",
                "client_id",
                "redirect_uri",
                "state",
                "scope",
                "nonce",
                "code_challenge",
                "code_challenge_method")) {
            if (request.get(name) != null) {
                form.append("<input type=\"hidden\" name=\"")
                        .append(name)
                        .append("\" value=\"")
                        .append(html(request.get(name)))
                        .append("\">");
            }
        }
        for (LocalUser user : LocalUser.all()) {
            form.append("<p><button type=\"submit\" name=\"user\" value=\"")
                    .append(html(user.subject()))
                    .append("\">")
                    .append(html(user.email()))
                    .append(" (")
                    .append(user.roles().get(0).groupName())
                    .append(")</button></p>");
        }
        return page(200, form.append("</form>").toString());
    }

    /** The user picked on the page: a single-use code back to the app, after the same checks as the page had. */
    private Answer chosen(Map<String, String> request) {
        String refused = refusal(request);
        if (refused != null) {
            return page(400, "<h1>Sign-in refused</h1><p>" + html(refused) + "</p>");
        }
        String wrong = wrongRequest(request);
        LocalUser user =
                LocalUser.bySubject(String.valueOf(request.get("user"))).orElse(null);
        if (wrong != null || user == null) {
            return refusedBack(request, "invalid_request", wrong != null ? wrong : "no such test user");
        }
        forgetExpired();
        String code = randomToken();
        Instant now = clock.instant();
        codes.put(
                code,
                new Grant(
                        user,
                        request.get("redirect_uri"),
                        request.get("code_challenge"),
                        request.get("nonce"),
                        now,
                        now.plus(CODE_LIFETIME)));
        return back(request, Map.of("code", code));
    }

    private String refusal(Map<String, String> request) {
        if (!LocalAuthority.AUDIENCE.equals(request.get("client_id"))) {
            return "unknown client_id; this runner's app client is " + LocalAuthority.AUDIENCE;
        }
        if (!apps.callbackUrls().contains(request.get("redirect_uri"))) {
            return "redirect_uri is not one of the callback URLs " + apps.callbackUrls()
                    + " (template.yaml's AppCallbackUrls; locally FRISTED_CALLBACK_URLS)";
        }
        return null;
    }

    private static String wrongRequest(Map<String, String> request) {
        if (!"code".equals(request.get("response_type"))) {
            return "response_type must be code (the authorization code flow)";
        }
        String scope = request.getOrDefault("scope", "openid");
        if (!SCOPES.containsAll(List.of(scope.split(" ")))) {
            return "scope may hold only "
                    + String.join(", ", SCOPES.stream().sorted().toList());
        }
        if (!"S256".equals(request.get("code_challenge_method"))
                || request.get("code_challenge") == null
                || !PKCE_VALUE.matcher(request.get("code_challenge")).matches()) {
            return "code_challenge with code_challenge_method S256 is required (PKCE)";
        }
        return null;
    }

    /** An OAuth error back at the app's callback (RFC 6749 4.1.2.1): the app shows it, not this page. */
    private static Answer refusedBack(Map<String, String> request, String error, String description) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("error", error);
        parameters.put("error_description", description);
        return back(request, parameters);
    }

    /** A redirect to the app's callback, with the state it sent. */
    private static Answer back(Map<String, String> request, Map<String, String> parameters) {
        Map<String, String> all = new LinkedHashMap<>(parameters);
        if (request.get("state") != null) {
            all.put("state", request.get("state"));
        }
        StringBuilder location = new StringBuilder(request.get("redirect_uri"))
                .append(request.get("redirect_uri").contains("?") ? '&' : '?');
        all.forEach((name, value) -> location.append(name)
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8))
                .append('&'));
        location.setLength(location.length() - 1);
        return new Answer(302, Map.of("Location", location.toString(), "Cache-Control", "no-store"), null);
    }

    private Answer token(Map<String, String> request) {
        if (!LocalAuthority.AUDIENCE.equals(request.get("client_id"))) {
            return oauthError(401, "invalid_client", "unknown client_id");
        }
        forgetExpired();
        Instant now = clock.instant();
        return switch (String.valueOf(request.get("grant_type"))) {
            case "authorization_code" -> {
                Grant grant = request.get("code") == null
                        ? null
                        : codes.remove(request.get("code")); // single use, even when refused
                if (grant == null || grant.expiry().isBefore(now)) {
                    yield oauthError(400, "invalid_grant", "the code is unknown, used or expired");
                }
                if (!grant.redirectUri().equals(request.get("redirect_uri"))) {
                    yield oauthError(400, "invalid_grant", "redirect_uri differs from the authorize request's");
                }
                String verifier = request.get("code_verifier");
                if (verifier == null
                        || !PKCE_VALUE.matcher(verifier).matches()
                        || !MessageDigest.isEqual(
                                challengeOf(verifier).getBytes(StandardCharsets.US_ASCII),
                                grant.challenge().getBytes(StandardCharsets.US_ASCII))) {
                    yield oauthError(400, "invalid_grant", "code_verifier does not match the code_challenge");
                }
                String refresh = randomToken();
                refreshTokens.put(refresh, new Session(grant.user(), grant.authTime(), now.plus(refreshLifetime)));
                yield tokens(authority.signIn(grant.user(), grant.nonce(), grant.authTime(), tokenLifetime), refresh);
            }
            case "refresh_token" -> {
                Session session =
                        request.get("refresh_token") == null ? null : refreshTokens.get(request.get("refresh_token"));
                if (session == null || session.expiry().isBefore(now)) {
                    yield oauthError(
                            400, "invalid_grant", "the refresh token is unknown, revoked or expired: sign in again");
                }
                yield tokens(authority.signIn(session.user(), null, session.authTime(), tokenLifetime), null);
            }
            default -> oauthError(400, "unsupported_grant_type", "grant_type is authorization_code or refresh_token");
        };
    }

    private Answer tokens(LocalAuthority.SignedIn signedIn, String refreshToken) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id_token", signedIn.idToken());
        body.put("access_token", signedIn.accessToken());
        if (refreshToken != null) {
            body.put("refresh_token", refreshToken);
        }
        body.put("token_type", "Bearer");
        body.put("expires_in", signedIn.lifetime().toSeconds());
        return json(200, Json.write(body));
    }

    private Answer revoke(Map<String, String> request) {
        if (!LocalAuthority.AUDIENCE.equals(request.get("client_id"))) {
            return oauthError(401, "invalid_client", "unknown client_id");
        }
        if (request.get("token") != null) {
            refreshTokens.remove(request.get("token"));
        }
        return new Answer(200, Map.of("Cache-Control", "no-store"), null);
    }

    private Answer logout(Map<String, String> request) {
        String target = request.getOrDefault("logout_uri", request.get("post_logout_redirect_uri"));
        if (!LocalAuthority.AUDIENCE.equals(request.get("client_id"))
                || !apps.signOutUrls().contains(target)) {
            return page(
                    400,
                    "<h1>Sign-out refused</h1><p>client_id and a logout_uri among the sign-out URLs "
                            + html(apps.signOutUrls().toString())
                            + " (template.yaml's AppSignOutUrls; locally FRISTED_SIGN_OUT_URLS) are required.</p>");
        }
        return new Answer(302, Map.of("Location", target, "Cache-Control", "no-store"), null);
    }

    /** Token and revoke take a form, as Cognito's; a page on the allowed origin may read their answers. */
    private Answer formOnly(String contentType, String origin, java.util.function.Supplier<Answer> handler) {
        Answer answer = contentType == null
                        || !contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")
                ? oauthError(400, "invalid_request", "send the parameters as application/x-www-form-urlencoded")
                : handler.get();
        Map<String, String> headers = new LinkedHashMap<>(answer.headers());
        if (cors.allowed(origin)) {
            headers.put("Access-Control-Allow-Origin", origin);
        }
        return new Answer(answer.status(), headers, answer.body());
    }

    private Map<String, String> preflight(String origin) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (cors.allowed(origin)) {
            headers.put("Access-Control-Allow-Origin", origin);
            headers.put("Access-Control-Allow-Methods", "POST");
            headers.put("Access-Control-Allow-Headers", "content-type,authorization");
        }
        return headers;
    }

    private void forgetExpired() {
        Instant now = clock.instant();
        codes.values().removeIf(grant -> grant.expiry().isBefore(now));
        refreshTokens.values().removeIf(session -> session.expiry().isBefore(now));
    }

    static String challengeOf(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Answer oauthError(int status, String error, String description) {
        return json(status, Json.write(Map.of("error", error, "error_description", description)));
    }

    private static Answer json(int status, String body) {
        return new Answer(
                status,
                Map.of("Content-Type", "application/json", "Cache-Control", "no-store", "Pragma", "no-cache"),
                body);
    }

    /** Discovery and keys are public documents any page may read. */
    private static Answer publicJson(Object document) {
        String body = document instanceof String text ? text : Json.write(document);
        return new Answer(200, Map.of("Content-Type", "application/json", "Access-Control-Allow-Origin", "*"), body);
    }

    private static Answer page(int status, String content) {
        return new Answer(
                status,
                Map.of(
                        "Content-Type",
                        "text/html; charset=utf-8",
                        "Cache-Control",
                        "no-store",
                        "Content-Security-Policy",
                        "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'"),
                "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Fristed sign-in (local)</title>"
                        + "<style>body{font-family:sans-serif;max-width:32em;margin:3em auto}button{font-size:1.1em;padding:.4em 1em}</style>"
                        + "</head><body>" + content + "</body></html>");
    }

    private static String html(String value) {
        return value.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    /** The parameters of a query string or form body. */
    private static Map<String, String> parameters(String encoded) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return parameters;
        }
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            parameters.putIfAbsent(name, value);
        }
        return parameters;
    }
}
