package dk.fristed.local;

import com.fasterxml.jackson.databind.JsonNode;
import dk.fristed.devkit.FreePort;
import dk.fristed.devkit.SamTemplate;
import dk.fristed.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An app's sign-in against {@code make run}, step by step over HTTP as its OpenID Connect library does it:
 * discovery, the authorize page, the code with PKCE, the API with the access token, refresh, revoke,
 * sign-out; and each way a request is refused. (BrowserIT does the same from a page in Chromium.)
 */
class LocalSignInIT {
    static final String ORIGIN = "http://127.0.0.1:5999";
    static final String CALLBACK = ORIGIN + "/signed-in";
    static final String VERIFIER = "a-verifier-of-forty-three-or-more-characters-0123456789";

    @TempDir
    static Path dataDir;

    private static LocalApi api;
    private static JsonNode discovery;
    private final HttpClient http = HttpClient.newHttpClient(); // follows no redirect: each step is read

    @BeforeAll
    static void start() throws Exception {
        api = LocalApi.start(
                SamTemplate.ofProject(),
                dataDir,
                dataDir.resolve("field-key"),
                FreePort.next(),
                FreePort.next(),
                new LocalApps(ORIGIN, List.of(CALLBACK), List.of(ORIGIN + "/")));
        String issuer = LocalAuthority.issuerAt(api.port());
        discovery = Json.mapper()
                .readTree(HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(issuer + "/.well-known/openid-configuration"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body());
        assertEquals(issuer, discovery.get("issuer").asText(), "an app's authority is the issuer, as Cognito's");
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void codeWithPkce_givesTokensTheApiTakes_refreshGivesNewOnes_revokeEndsThem() throws Exception {
        String code = signIn("local-clinician", LocalSignIn.challengeOf(VERIFIER), "state-1");

        var tokens = token(Map.of(
                "grant_type",
                "authorization_code",
                "client_id",
                LocalAuthority.AUDIENCE,
                "code",
                code,
                "redirect_uri",
                CALLBACK,
                "code_verifier",
                VERIFIER));
        assertEquals(200, tokens.statusCode(), tokens.body());
        assertEquals(
                ORIGIN,
                tokens.headers().firstValue("access-control-allow-origin").orElse(""),
                "a page reads its tokens");
        assertEquals("no-store", tokens.headers().firstValue("cache-control").orElse(""));
        JsonNode body = Json.mapper().readTree(tokens.body());
        assertEquals(3600, body.get("expires_in").asInt(), "template.yaml's AccessTokenValidity: 60 minutes");
        String access = body.get("access_token").asText();
        assertEquals(
                200,
                api("GET", "/visits?site=copenhagen&from=2026-01-01&to=2026-01-31", access)
                        .statusCode(),
                "the API takes the access token");
        assertEquals(
                200,
                api(
                                "GET",
                                "/visits?site=copenhagen&from=2026-01-01&to=2026-01-31",
                                body.get("id_token").asText())
                        .statusCode(),
                "and the ID token, as API Gateway");
        assertEquals(403, api("GET", "/budget/sources", access).statusCode(), "a clinician is a clinician");

        var reused = token(Map.of(
                "grant_type",
                "authorization_code",
                "client_id",
                LocalAuthority.AUDIENCE,
                "code",
                code,
                "redirect_uri",
                CALLBACK,
                "code_verifier",
                VERIFIER));
        assertEquals(
                "invalid_grant",
                Json.mapper().readTree(reused.body()).get("error").asText(),
                "a code is used once");

        String refresh = body.get("refresh_token").asText();
        var refreshed = token(
                Map.of("grant_type", "refresh_token", "client_id", LocalAuthority.AUDIENCE, "refresh_token", refresh));
        assertEquals(200, refreshed.statusCode(), refreshed.body());
        JsonNode fresh = Json.mapper().readTree(refreshed.body());
        assertFalse(fresh.has("refresh_token"), "Cognito keeps the refresh token it gave");
        assertEquals(
                200,
                api(
                                "GET",
                                "/visits?site=copenhagen&from=2026-01-01&to=2026-01-31",
                                fresh.get("access_token").asText())
                        .statusCode());

        assertEquals(
                200,
                post(
                                discovery.get("revocation_endpoint").asText(),
                                Map.of("client_id", LocalAuthority.AUDIENCE, "token", refresh))
                        .statusCode());
        var revoked = token(
                Map.of("grant_type", "refresh_token", "client_id", LocalAuthority.AUDIENCE, "refresh_token", refresh));
        assertEquals(
                "invalid_grant",
                Json.mapper().readTree(revoked.body()).get("error").asText());

        var signOut = get(discovery.get("end_session_endpoint").asText() + "?client_id=" + LocalAuthority.AUDIENCE
                + "&logout_uri=" + URLEncoder.encode(ORIGIN + "/", StandardCharsets.UTF_8));
        assertEquals(302, signOut.statusCode());
        assertEquals(ORIGIN + "/", signOut.headers().firstValue("location").orElse(""));
    }

    @Test
    void aWrongVerifierOrReturnAddress_getsNoTokens_andTheCodeIsSpent() throws Exception {
        String code = signIn("local-finance", LocalSignIn.challengeOf(VERIFIER), null);
        var wrongVerifier = token(Map.of(
                "grant_type",
                "authorization_code",
                "client_id",
                LocalAuthority.AUDIENCE,
                "code",
                code,
                "redirect_uri",
                CALLBACK,
                "code_verifier",
                VERIFIER.replace('a', 'b')));
        assertEquals(400, wrongVerifier.statusCode());
        assertEquals(
                "invalid_grant",
                Json.mapper().readTree(wrongVerifier.body()).get("error").asText());
        var afterwards = token(Map.of(
                "grant_type",
                "authorization_code",
                "client_id",
                LocalAuthority.AUDIENCE,
                "code",
                code,
                "redirect_uri",
                CALLBACK,
                "code_verifier",
                VERIFIER));
        assertEquals(400, afterwards.statusCode(), "a stolen code tried with guesses is gone after the first");

        String other = signIn("local-finance", LocalSignIn.challengeOf(VERIFIER), null);
        var wrongReturn = token(Map.of(
                "grant_type",
                "authorization_code",
                "client_id",
                LocalAuthority.AUDIENCE,
                "code",
                other,
                "redirect_uri",
                ORIGIN + "/elsewhere",
                "code_verifier",
                VERIFIER));
        assertEquals(400, wrongReturn.statusCode());
        var json = post(discovery.get("token_endpoint").asText(), "{}", "application/json");
        assertEquals(400, json.statusCode(), "the token endpoint takes a form, as Cognito's");
        var wrongClient =
                token(Map.of("grant_type", "refresh_token", "client_id", "someone-else", "refresh_token", "x"));
        assertEquals(401, wrongClient.statusCode());
    }

    @Test
    void anUnknownReturnAddressOrClient_isRefusedOnThePage_neverRedirectedTo() throws Exception {
        for (Map<String, String> request : List.of(
                authorize(LocalAuthority.AUDIENCE, "https://evil.example/catch", LocalSignIn.challengeOf(VERIFIER)),
                authorize("another-client", CALLBACK, LocalSignIn.challengeOf(VERIFIER)))) {
            var page = get(discovery.get("authorization_endpoint").asText() + "?" + form(request));
            assertEquals(400, page.statusCode());
            assertTrue(page.headers().firstValue("location").isEmpty());
        }
        var signOut = get(discovery.get("end_session_endpoint").asText() + "?client_id=" + LocalAuthority.AUDIENCE
                + "&logout_uri=https://evil.example/");
        assertEquals(400, signOut.statusCode());
    }

    @Test
    void withoutPkceOrWithAnUnknownScope_theAppIsToldWhy_atItsCallback() throws Exception {
        Map<String, String> plain = authorize(LocalAuthority.AUDIENCE, CALLBACK, VERIFIER);
        plain.put("code_challenge_method", "plain");
        Map<String, String> noPkce = authorize(LocalAuthority.AUDIENCE, CALLBACK, null);
        Map<String, String> scope = authorize(LocalAuthority.AUDIENCE, CALLBACK, LocalSignIn.challengeOf(VERIFIER));
        scope.put("scope", "openid aws.cognito.signin.user.admin");
        for (var request : List.of(plain, noPkce, scope)) {
            var answer = get(discovery.get("authorization_endpoint").asText() + "?" + form(request));
            assertEquals(302, answer.statusCode());
            String location = answer.headers().firstValue("location").orElseThrow();
            assertTrue(location.startsWith(CALLBACK + "?error="), location);
            assertTrue(location.endsWith("&state=s"), "the app's state comes back: " + location);
        }
    }

    @Test
    void thePageEscapesWhatTheRequestCarries() throws Exception {
        Map<String, String> request = authorize(LocalAuthority.AUDIENCE, CALLBACK, LocalSignIn.challengeOf(VERIFIER));
        request.put("state", "\"><script>alert(1)</script>");
        var page = get(discovery.get("authorization_endpoint").asText() + "?" + form(request));
        assertEquals(200, page.statusCode());
        assertFalse(page.body().contains("<script>"), page.body());
        assertTrue(
                page.headers().firstValue("content-security-policy").orElse("").contains("default-src 'none'"));
    }

    @Test
    void openapiJson_pointsApiToolsAtMakeRunsDiscovery() throws Exception {
        JsonNode scheme = Json.mapper()
                .readTree(SamTemplate.projectRoot().resolve("openapi.json").toFile())
                .at("/components/securitySchemes/signIn");
        assertEquals("openIdConnect", scheme.get("type").asText());
        assertEquals(
                LocalAuthority.issuerAt(LocalApi.DEFAULT_PORT) + "/.well-known/openid-configuration",
                scheme.get("openIdConnectUrl").asText());
    }

    /** The authorize page, then the button of one test user: the code it returns to the callback. */
    private String signIn(String user, String challenge, String state) throws Exception {
        Map<String, String> request = authorize(LocalAuthority.AUDIENCE, CALLBACK, challenge);
        if (state == null) {
            request.remove("state");
        } else {
            request.put("state", state);
        }
        var page = get(discovery.get("authorization_endpoint").asText() + "?" + form(request));
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("value=\"" + user + "\""), "the page offers " + user);
        request.put("user", user);
        var chosen = post(discovery.get("authorization_endpoint").asText(), request);
        assertEquals(302, chosen.statusCode(), chosen.body());
        String location = chosen.headers().firstValue("location").orElseThrow();
        assertTrue(location.startsWith(CALLBACK + "?code="), location);
        if (state != null) {
            assertTrue(location.endsWith("&state=" + state), location);
        }
        Matcher code = Pattern.compile("code=([^&]+)").matcher(location);
        assertTrue(code.find());
        return code.group(1);
    }

    private static Map<String, String> authorize(String clientId, String redirectUri, String challenge) {
        Map<String, String> request = new LinkedHashMap<>();
        request.put("response_type", "code");
        request.put("client_id", clientId);
        request.put("redirect_uri", redirectUri);
        request.put("scope", "openid email");
        request.put("state", "s");
        if (challenge != null) {
            request.put("code_challenge", challenge);
            request.put("code_challenge_method", "S256");
        }
        return request;
    }

    private HttpResponse<String> token(Map<String, String> form) throws Exception {
        return post(discovery.get("token_endpoint").asText(), form);
    }

    private HttpResponse<String> api(String method, String path, String token) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String url, Map<String, String> form) throws Exception {
        return post(url, form(form), "application/x-www-form-urlencoded");
    }

    private HttpResponse<String> post(String url, String body, String contentType) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", contentType)
                        .header("Origin", ORIGIN)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertNotNull(response);
        return response;
    }

    private static String form(Map<String, String> parameters) {
        StringBuilder form = new StringBuilder();
        parameters.forEach((name, value) -> form.append(form.length() == 0 ? "" : "&")
                .append(name)
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return form.toString();
    }
}
