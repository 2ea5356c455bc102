package dk.fristed.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dk.fristed.auth.Role;
import dk.fristed.devkit.FaultyDynamo;
import dk.fristed.devkit.FreePort;
import dk.fristed.devkit.SamTemplate;
import dk.fristed.json.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web app's view of {@code make run}, in headless Chromium: a page on another origin signs a
 * clinician in through the local authorize page with PKCE and calls the visits, referrals and invoices
 * functions, reading bodies, ETags, Location, Idempotent-Replayed and Retry-After, the problem of a stale
 * change, and what an expired token gets; then an admin calls the admin, budget and reports functions.
 * The CORS rules are read from template.yaml here, not from the runner, so a runner that answers
 * otherwise fails this test. (app.js is the page.)
 */
class BrowserIT {
    private static final Duration STEP = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private LocalApi api;
    private HttpServer pages;
    private FaultyDynamo dynamoFront;
    private Chromium chromium;
    private String origin;

    @AfterEach
    void stop() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
        if (pages != null) {
            pages.stop(0);
        }
        if (api != null) {
            api.close();
        }
        if (dynamoFront != null) {
            dynamoFront.close();
        }
    }

    @Test
    void aPageOnAnotherOrigin_signsInWithPkce_andReadsWhatEveryFunctionAnswers() throws Exception {
        Path driver = Chromium.driverOrSkip("BrowserIT");
        int pagePort = FreePort.next();
        origin = "http://127.0.0.1:" + pagePort;
        api = LocalApi.start(
                SamTemplate.ofProject(),
                dir.resolve("data"),
                dir.resolve("field-key"),
                FreePort.next(),
                FreePort.next(),
                new LocalApps(origin, List.of(origin + "/signed-in"), List.of(origin + "/")),
                endpoint -> {
                    try {
                        // every call of the functions throttled while the test says so: the SDK's retries run out, the
                        // API answers 429
                        dynamoFront = new FaultyDynamo(
                                endpoint, 1.0, 1, Duration.ofMillis(10), List.of(FaultyDynamo.Fault.THROTTLING));
                        dynamoFront.enabled(false);
                        return dynamoFront.endpoint();
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                });
        pages = servePages(pagePort);
        chromium = Chromium.start(driver, Files.createDirectories(dir.resolve("chromium-profile")));
        String issuer = api.authority().issuer();
        String expired = api.authority()
                .issue(
                        "local-clinician",
                        List.of(Role.CLINICIAN),
                        issuer,
                        LocalAuthority.AUDIENCE,
                        Instant.now().minusSeconds(300));

        JsonNode clinician = signInAndRun("local-clinician", "clinician", Map.of("expired", expired), true);
        assertEquals("clinician@fristed.local", clinician.get("user").asText());
        JsonNode steps = clinician.get("steps");
        JsonNode patient = steps.get("patient");
        assertEquals(201, patient.get("status").asInt(), patient.toString());
        assertTrue(
                patient.get("location")
                        .asText()
                        .endsWith("/patients/"
                                + patient.get("body").get("helpNumber").asText()),
                "Location is readable");
        assertNotNull(text(patient, "etag"), "ETag is readable");
        assertEquals("true", text(steps.get("patientReplay"), "replayed"), "Idempotent-Replayed is readable");
        assertEquals(
                patient.get("body").get("helpNumber"),
                steps.get("patientReplay").get("body").get("helpNumber"));
        assertEquals(200, steps.get("patientRead").get("status").asInt());
        JsonNode stale = steps.get("staleChange");
        assertEquals(412, stale.get("status").asInt(), stale.toString());
        assertTrue(stale.get("type").asText().startsWith("application/problem+json"));
        assertTrue(
                stale.get("body").get("type").asText().startsWith("https://fristed.dk/problems/"),
                "a page reads a function's problem");
        assertEquals(
                200,
                steps.get("change").get("status").asInt(),
                steps.get("change").toString());
        for (String created : List.of("visit", "referral", "invoice")) {
            assertEquals(201, steps.get(created).get("status").asInt(), created + ": " + steps.get(created));
            assertNotNull(text(steps.get(created), "location"), created);
        }
        assertEquals(200, steps.get("referralRead").get("status").asInt());
        assertEquals(200, steps.get("invoiceRead").get("status").asInt());
        assertEquals(
                403,
                steps.get("forbidden").get("status").asInt(),
                "a clinician reads why the budget is closed to them");
        assertTrue(
                steps.get("expiredRaw").has("networkError"),
                "an expired token gets the gateway's 401 without CORS headers, as deployed: "
                        + steps.get("expiredRaw"));
        assertEquals(200, steps.get("expiredRefreshed").get("status").asInt(), "the app refreshed first, then called");
        assertEquals(1, steps.get("refreshed").asInt());
        JsonNode throttled = steps.get("throttled");
        // throttled past the SDK's retries: 429; 503 when, on a loaded machine, the retries outlast the call's
        // timeout first. Both tell the client to retry after Retry-After, which is what a page must be able to read.
        assertTrue(List.of(429, 503).contains(throttled.get("status").asInt()), throttled.toString());
        assertEquals("1", text(throttled, "retryAfter"), "Retry-After is readable");
        assertEquals(200, steps.get("afterRetry").get("status").asInt());

        JsonNode admin = signInAndRun(
                "local-admin",
                "admin",
                Map.of("helpNumber", steps.get("helpNumber").asText()),
                false);
        JsonNode adminSteps = admin.get("steps");
        assertEquals(
                200,
                adminSteps.get("audit").get("status").asInt(),
                adminSteps.get("audit").toString());
        assertEquals(
                201,
                adminSteps.get("source").get("status").asInt(),
                adminSteps.get("source").toString());
        assertEquals(200, adminSteps.get("sources").get("status").asInt());
        assertEquals(
                200,
                adminSteps.get("report").get("status").asInt(),
                adminSteps.get("report").toString());
        assertTrue(
                adminSteps.get("noRoute").has("networkError"), "the gateway's own 404 is unreadable too, as deployed");

        corsAsTemplateYamlSaysIt(api.authority().issue("local-admin", List.of(Role.ADMIN)));

        String signOut = issuer + "/logout?client_id=" + LocalAuthority.AUDIENCE + "&logout_uri="
                + URLEncoder.encode(origin + "/", StandardCharsets.UTF_8);
        chromium.open(signOut);
        assertTrue(chromium.url().startsWith(origin + "/"), "sign-out returns to the app");
    }

    /** Opens the page, which sends the browser to the authorize page; picks the user; runs the page's scenario. */
    private JsonNode signInAndRun(String user, String scenario, Map<String, String> more, boolean throttleOnCue)
            throws Exception {
        StringBuilder url = new StringBuilder(origin)
                .append("/?api=")
                .append(encode(api.baseUrl()))
                .append("&issuer=")
                .append(encode(api.authority().issuer()))
                .append("&scenario=")
                .append(scenario);
        more.forEach((name, value) -> url.append('&').append(name).append('=').append(encode(value)));
        chromium.open(url.toString());
        chromium.waitFor(
                "return location.href",
                href -> href.asText().startsWith(api.authority().issuer() + "/oauth2/authorize"),
                STEP,
                "the authorize page");
        chromium.click("button[value=\"" + user + "\"]");
        if (throttleOnCue) {
            waitForPhase("ready-for-faults");
            dynamoFront.enabled(true);
            chromium.script("window.fristedFaultsOn = true");
            waitForPhase("throttled");
            dynamoFront.enabled(false);
            chromium.script("window.fristedFaultsOff = true");
        }
        JsonNode results = chromium.waitFor(
                "return window.fristedResults || null", value -> !value.isNull(), STEP, scenario + "'s results");
        assertFalse(results.has("failed"), results.toString());
        assertEquals(origin + "/signed-in", chromium.url(), "the code is out of the address bar");
        return results;
    }

    private void waitForPhase(String phase) throws Exception {
        JsonNode said = chromium.waitFor(
                "return window.fristedResults ? 'failed: ' + JSON.stringify(window.fristedResults) : (window.fristedPhase || '')",
                value -> value.asText().equals(phase) || value.asText().startsWith("failed"),
                STEP,
                "phase " + phase);
        assertEquals(phase, said.asText());
    }

    /**
     * template.yaml's CorsConfiguration, tried from the page: each allowed request header passes the
     * preflight, one it does not list fails, and a page on another origin reads nothing.
     */
    private void corsAsTemplateYamlSaysIt(String token) throws Exception {
        Map<String, Object> api = SamTemplate.map(SamTemplate.ofProject()
                .resources("AWS::Serverless::HttpApi")
                .values()
                .iterator()
                .next()
                .get("Properties"));
        Map<String, Object> cors = SamTemplate.map(api.get("CorsConfiguration"));
        List<String> headers = new ArrayList<>();
        for (Object header : (List<?>) cors.get("AllowHeaders")) {
            headers.add(String.valueOf(header));
        }
        assertTrue(
                ((List<?>) cors.get("ExposeHeaders"))
                        .containsAll(List.of("etag", "location", "idempotent-replayed", "retry-after")),
                "the headers this test read are the ones template.yaml exposes");
        for (String header : headers) {
            String value = header.equals("authorization")
                    ? "Bearer " + token
                    : header.equals("content-type") ? "application/json" : "x";
            Map<String, String> sent = new java.util.HashMap<>(Map.of("authorization", "Bearer " + token));
            sent.put(header, value);
            assertEquals(
                    "200",
                    fetchFromPage("GET", "/openapi.json", sent),
                    "template.yaml allows the request header " + header);
        }
        assertEquals(
                "network-error",
                fetchFromPage("GET", "/openapi.json", Map.of("authorization", "Bearer " + token, "x-not-allowed", "1")),
                "a header template.yaml does not allow fails the preflight");
        // a route of each method (an admin's): the function's answer, whatever it is, reaches the page
        Map<String, String> routes = Map.of(
                "GET",
                "/openapi.json",
                "POST",
                "/budget/sources",
                "PUT",
                "/open-days/copenhagen/2026-01-05",
                "DELETE",
                "/budget/sources/no-such-source");
        for (Object method : (List<?>) cors.get("AllowMethods")) {
            if (!"OPTIONS".equals(method)) {
                assertTrue(routes.containsKey(String.valueOf(method)), "a route to try " + method + " with");
                assertFalse(
                        fetchFromPage(
                                        String.valueOf(method),
                                        routes.get(String.valueOf(method)),
                                        Map.of("authorization", "Bearer " + token))
                                .equals("network-error"),
                        "template.yaml allows " + method);
            }
        }
        assertEquals(
                "network-error",
                fetchFromPage("PATCH", "/openapi.json", Map.of("authorization", "Bearer " + token)),
                "PATCH is not allowed");
        chromium.open(
                "http://localhost:" + pages.getAddress().getPort() + "/blank"); // the same page server, another origin
        assertEquals(
                "network-error",
                fetchFromPage("GET", "/openapi.json", Map.of("authorization", "Bearer " + token)),
                "a page on an origin template.yaml does not allow reads nothing");
    }

    /** A fetch from the page now open: the status it could read, or {@code network-error}. */
    private String fetchFromPage(String method, String path, Map<String, String> headers) throws Exception {
        return chromium.script("return fetch('" + api.baseUrl() + path + "', {method: '" + method
                        + "', headers: " + Json.write(headers)
                        + "}).then(r => String(r.status), () => 'network-error')")
                .asText();
    }

    /** The test page (app.html, app.js) and the events/ fixtures it takes its request bodies from. */
    private static HttpServer servePages(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 16);
        Path events = SamTemplate.projectRoot().resolve("events");
        server.createContext("/", exchange -> {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                if (path.startsWith("/events/") && path.matches("/events/[a-z-]+\\.json")) {
                    send(
                            exchange,
                            "application/json",
                            Files.readAllBytes(events.resolve(path.substring("/events/".length()))));
                } else if (path.equals("/app.js")) {
                    send(exchange, "text/javascript", resource("app.js"));
                } else {
                    send(exchange, "text/html; charset=utf-8", resource("app.html"));
                }
            }
        });
        server.start();
        return server;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = BrowserIT.class.getResourceAsStream("/browser/" + name)) {
            return in.readAllBytes();
        }
    }

    private static void send(HttpExchange exchange, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
