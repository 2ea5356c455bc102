package dk.fristed.local;

import com.fasterxml.jackson.databind.JsonNode;
import dk.fristed.auth.Role;
import dk.fristed.devkit.FreePort;
import dk.fristed.devkit.OpenApiContract;
import dk.fristed.devkit.SamTemplate;
import dk.fristed.json.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `make run` as a new user meets it: the runner on real ports with DynamoDB Local keeping data on
 * disk, driven over HTTP with tokens from the local authority — README's first session.
 */
class LocalApiIT {
    @TempDir
    Path dataDir;

    private LocalApi api;
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void aPageOnTheAllowedOrigin_readsWhatFunctionsAnswer_asDeployed_andOtherOriginsNothing() throws Exception {
        api = start();
        String clinician = api.authority().issue("nurse-1", List.of(Role.CLINICIAN));
        String allowed = LocalApps.fromEnvironment().origin();

        var preflight = http.send(
                HttpRequest.newBuilder(URI.create(api.baseUrl() + "/patients"))
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                        .header("Origin", allowed)
                        .header("Access-Control-Request-Method", "POST")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(
                allowed,
                preflight.headers().firstValue("access-control-allow-origin").orElse(""));
        assertTrue(preflight
                .headers()
                .firstValue("access-control-allow-headers")
                .orElse("")
                .contains("idempotency-key"));

        var created = send(
                "POST",
                "/patients",
                clinician,
                "{\"birthYear\":1985,\"sex\":\"female\",\"nationality\":\"RO\","
                        + "\"languages\":[\"ro\"],\"interpreterNeeded\":false}",
                null,
                allowed);
        assertEquals(
                allowed,
                created.headers().firstValue("access-control-allow-origin").orElse(""));
        assertEquals(
                "etag,location,idempotent-replayed,retry-after",
                created.headers().firstValue("access-control-expose-headers").orElse(""));
        assertEquals(
                "nosniff",
                created.headers().firstValue("x-content-type-options").orElse(""));
        var refused = send("GET", "/patients/K7MQX9PK", clinician, null, null, allowed);
        assertEquals(
                allowed,
                refused.headers().firstValue("access-control-allow-origin").orElse(""),
                "a function's error is readable");

        // the gateway's own 401, as API Gateway's JWT authorizer answers it: no CORS headers
        var unauthorized = send("GET", "/patients/K7MQX9PK", null, null, null, allowed);
        assertEquals(401, unauthorized.statusCode());
        assertTrue(
                unauthorized.headers().firstValue("access-control-allow-origin").isEmpty());
        // another origin: nothing a browser would let the page read
        var elsewhere = send("GET", "/patients/K7MQX9PK", clinician, null, null, "https://evil.example");
        assertTrue(elsewhere.headers().firstValue("access-control-allow-origin").isEmpty());
    }

    @Test
    void theApiLivesUnderTheStage_asDeployed_andItsLocationsStayThere() throws Exception {
        api = start();
        assertTrue(api.baseUrl().endsWith(":" + port + "/prod"), api.baseUrl());
        String coordinator = api.authority().issue("coord-1", List.of(Role.COORDINATOR));
        var created = send(
                "POST",
                "/patients",
                coordinator,
                "{\"birthYear\":1985,\"sex\":\"female\",\"nationality\":\"RO\","
                        + "\"languages\":[\"ro\"],\"interpreterNeeded\":false}",
                null);
        assertEquals(201, created.statusCode());
        String location = created.headers().firstValue("location").orElseThrow();
        assertTrue(location.startsWith("/prod/patients/"), location);
        // followed as a client follows a link: against the API's origin
        var followed = http.send(
                HttpRequest.newBuilder(URI.create(api.baseUrl()).resolve(location))
                        .header("Authorization", "Bearer " + coordinator)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, followed.statusCode(), followed.body());
        assertEquals(json(created).get("helpNumber"), json(followed).get("helpNumber"));
        // the route without its stage is no route, as on the deployed API
        var outside = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + location.substring("/prod".length())))
                        .header("Authorization", "Bearer " + coordinator)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, outside.statusCode());
        assertEquals("{\"message\":\"Not Found\"}", outside.body());
    }

    @Test
    void theAccessLog_isTheTemplatesFormat_namingRoutesNotPaths() throws Exception {
        api = start();
        String coordinator = api.authority().issue("coord-1", List.of(Role.COORDINATOR));
        String helpNumber = json(send(
                        "POST",
                        "/patients",
                        coordinator,
                        "{\"birthYear\":1985,\"sex\":\"female\",\"nationality\":\"RO\","
                                + "\"languages\":[\"ro\"],\"interpreterNeeded\":false}",
                        null))
                .get("helpNumber")
                .asText();
        String logged = dk.fristed.devkit.CapturedOutput.during(() -> {
            try {
                send("GET", "/patients/" + helpNumber + "?cursor=secret", coordinator, null, null);
                send("GET", "/patients/" + helpNumber, null, null, null);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        List<com.fasterxml.jackson.databind.JsonNode> lines = new java.util.ArrayList<>();
        for (String line : logged.split("\n")) {
            if (line.contains("\"routeKey\"") && line.contains("\"latencyMs\"")) {
                lines.add(dk.fristed.json.Json.mapper().readTree(line));
            }
        }
        assertEquals(2, lines.size(), logged);
        assertEquals("GET /patients/{helpNumber}", lines.get(0).get("routeKey").asText());
        assertEquals("200", lines.get(0).get("status").asText());
        assertEquals("[coordinator]", lines.get(0).get("roles").asText());
        assertEquals("401", lines.get(1).get("status").asText());
        assertEquals("Unauthorized", lines.get(1).get("authorizerError").asText());
        assertTrue(
                lines.stream()
                        .noneMatch(l -> l.toString().contains(helpNumber.replace("-", ""))
                                || l.toString().contains(helpNumber)
                                || l.toString().contains("secret")),
                "no help number, no query");
    }

    @Test
    void readmeWalkthrough_overHttp() throws Exception {
        api = start();
        String clinician = api.authority().issue("nurse-1", List.of(Role.CLINICIAN));
        String finance = api.authority().issue("finance-1", List.of(Role.FINANCE));

        var registered = send(
                "POST",
                "/patients",
                clinician,
                "{\"birthYear\":1985,\"sex\":\"female\",\"nationality\":\"RO\",\"languages\":[\"ro\"],\"interpreterNeeded\":true}",
                null);
        assertEquals(201, registered.statusCode());
        String helpNumber = json(registered).get("helpNumber").asText();

        String mistyped = helpNumber.substring(0, 8) + (helpNumber.charAt(8) == 'A' ? 'C' : 'A');
        var typo = send("GET", "/patients/" + mistyped, clinician, null, null);
        assertEquals(400, typo.statusCode());
        assertEquals(
                "application/problem+json",
                typo.headers().firstValue("content-type").orElse(""));
        assertTrue(json(typo).get("detail").asText().contains("check character does not match"));

        String visit = "{\"helpNumber\":\"" + helpNumber
                + "\",\"site\":\"odense\",\"date\":\"2025-03-04\",\"service\":\"doctor\",\"diagnoses\":[\"L03\"]}";
        var first = send("POST", "/visits", clinician, visit, "retry-me-0001");
        var retry = send("POST", "/visits", clinician, visit, "retry-me-0001");
        assertEquals(201, first.statusCode());
        assertEquals(json(first), json(retry));
        assertEquals("true", retry.headers().firstValue("idempotent-replayed").orElse(""));

        var period = send("GET", "/visits?site=odense&from=2025-03-01&to=2025-03-31", clinician, null, null);
        assertEquals(1, json(period).get("items").size());

        // the admin sees who read and changed the record, newest first
        String admin = api.authority().issue("admin-1", List.of(Role.ADMIN));
        var audit = json(send("GET", "/audit/patients/" + helpNumber, admin, null, null))
                .get("items");
        assertEquals(
                "read GET /visits nurse-1",
                audit.get(0).get("action").asText() + " "
                        + audit.get(0).get("route").asText() + " "
                        + audit.get(0).get("subject").asText());
        assertEquals(
                "change POST /patients",
                audit.get(audit.size() - 1).get("action").asText() + " "
                        + audit.get(audit.size() - 1).get("route").asText());

        assertEquals(
                401, send("GET", "/patients/" + helpNumber, null, null, null).statusCode());
        assertEquals(
                401,
                send("GET", "/patients/" + helpNumber, clinician + "x", null, null)
                        .statusCode());
        assertEquals(
                403, send("GET", "/patients/" + helpNumber, finance, null, null).statusCode());
        assertEquals(404, send("GET", "/no-such-route", clinician, null, null).statusCode());

        // data are kept on disk across a restart
        api.close();
        api = start();
        var again = send("GET", "/patients/" + helpNumber + "/visits", clinician, null, null);
        assertEquals(200, again.statusCode());
        assertEquals(1, json(again).get("items").size());
    }

    @Test
    void runner_listensOnLoopbackOnly() throws Exception {
        api = start();
        var external = java.net.NetworkInterface.networkInterfaces()
                .flatMap(java.net.NetworkInterface::inetAddresses)
                .filter(a -> !a.isLoopbackAddress() && a instanceof java.net.Inet4Address)
                .findFirst();
        assertTrue(connects(java.net.InetAddress.getLoopbackAddress(), api.port()));
        if (external.isPresent()) {
            assertFalse(connects(external.get(), api.port()), "the API must not listen beyond 127.0.0.1");
        }
    }

    private static boolean connects(java.net.InetAddress address, int port) {
        try (var socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress(address, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void scheduledFunctionsRunOnDemand_andStreamsReachTheirFunctions() throws Exception {
        api = start();
        String clinician = api.authority().issue("nurse-1", List.of(Role.CLINICIAN));
        String admin = api.authority().issue("admin-1", List.of(Role.ADMIN));
        String helpNumber = json(send(
                        "POST",
                        "/patients",
                        clinician,
                        "{\"birthYear\":1985,\"sex\":\"female\",\"nationality\":\"RO\",\"languages\":[\"ro\"],\"interpreterNeeded\":true}",
                        null))
                .get("helpNumber")
                .asText();
        String sentLongAgo =
                java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(40).toString();
        String id = json(send(
                        "POST",
                        "/referrals",
                        clinician,
                        "{\"helpNumber\":\"" + helpNumber + "\",\"site\":\"odense\",\"date\":\"" + sentLongAgo
                                + "\",\"kind\":\"other\",\"receiver\":\"OUH\",\"urgency\":\"routine\",\"clinicalQuestion\":\"Knee pain.\"}",
                        null))
                .get("id")
                .asText();
        var sent = http.send(
                HttpRequest.newBuilder(URI.create(api.baseUrl() + "/referrals/" + id + "/transitions"))
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"action\":\"send\",\"date\":\"" + sentLongAgo + "\"}"))
                        .header("Authorization", "Bearer " + clinician)
                        .header("Content-Type", "application/json")
                        .header("If-Match", "\"1\"")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, sent.statusCode(), sent.body());

        assertEquals(
                403,
                send("POST", "/_local/invoke/ReferralFollowUpFunction", clinician, null, null)
                        .statusCode());
        assertEquals(
                404,
                send("POST", "/_local/invoke/NoSuchFunction", admin, null, null).statusCode());
        var invoked = send("POST", "/_local/invoke/ReferralFollowUpFunction", admin, null, null);
        assertEquals(1, json(invoked).get("overdue").asInt());
        assertEquals(1, json(invoked).get("flagged").asInt());
        assertEquals(
                id,
                json(send("GET", "/referrals/follow-up?site=odense", clinician, null, null))
                        .get("items")
                        .get(0)
                        .get("id")
                        .asText());

        assertEquals(
                204,
                send("DELETE", "/patients/" + helpNumber, admin, null, null).statusCode());
        api.deliverStreams(); // the runner does this every second by itself
        assertFalse(
                json(send("GET", "/referrals/" + id, clinician, null, null)).has("clinicalQuestion"),
                "erased with the patient");
    }

    /** The same ports on a restart, as make run's 3000: the tokens' issuer is the runner's address. */
    private final int port = FreePort.next();

    private final int dynamoPort = FreePort.next();

    private LocalApi start() throws Exception {
        return LocalApi.start(SamTemplate.ofProject(), dataDir, dataDir.resolve("field-key"), port, dynamoPort);
    }

    private HttpResponse<String> send(String method, String path, String token, String body, String idempotencyKey)
            throws IOException, InterruptedException {
        return send(method, path, token, body, idempotencyKey, null);
    }

    /** @param origin the page's origin, as a browser sends it on a cross-origin call; null: none */
    private HttpResponse<String> send(
            String method, String path, String token, String body, String idempotencyKey, String origin)
            throws IOException, InterruptedException {
        // the API's routes under the stage; the runner's own endpoints (make invoke's) at the root
        String base = path.startsWith("/_local/") ? "http://127.0.0.1:" + port : api.baseUrl();
        var request = HttpRequest.newBuilder(URI.create(base + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (origin != null) {
            request.header("Origin", origin);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (!path.startsWith("/no-such-route")
                && !path.startsWith(LocalApi.INVOKE_PATH)) { // the runner's own, not the API's
            java.util.Map<String, String> headers = new java.util.HashMap<>();
            response.headers().map().forEach((name, values) -> headers.put(name, String.join(",", values)));
            OpenApiContract.assertResponseValid(
                    method,
                    path.split("\\?")[0],
                    response.statusCode(),
                    headers,
                    response.body().isEmpty() ? null : response.body());
        }
        return response;
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return Json.mapper().readTree(response.body());
    }
}
