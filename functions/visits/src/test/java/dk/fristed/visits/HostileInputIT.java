package dk.fristed.visits;

import dk.fristed.devkit.RouteChecks;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Whatever a client or an attacker sends is answered with a 4xx problem document, never a 500 or a trace. */
class HostileInputIT {
    private final VisitsApi api = new VisitsApi();

    private static final List<String> BODIES = List.of(
            "",
            " ",
            "null",
            "[]",
            "{",
            "}",
            "{\"birthYear\":}",
            "{\"birthYear\":1985,}",
            "\"string\"",
            "42",
            "true",
            "{\"birthYear\":1e400}",
            "{\"birthYear\":99999999999999999999}",
            "{\"birthYear\":-1}",
            "{\"sex\":[\"female\"]}",
            "{\"languages\":\"ro\"}",
            "{\"languages\":[1,2]}",
            "{\"interpreterNeeded\":\"yes\"}",
            "{\"name\":\"Robert'); DROP TABLE patients;--\",\"birthYear\":1985,\"sex\":\"male\",\"nationality\":\"RO\",\"interpreterNeeded\":false,\"x\":1}",
            "{\"name\":\"\\u0000\\u001b[31m\",\"birthYear\":1985,\"sex\":\"male\",\"nationality\":\"RO\",\"interpreterNeeded\":false}",
            "{\"name\":\"a\\u202eb\",\"birthYear\":1985,\"sex\":\"male\",\"nationality\":\"RO\",\"interpreterNeeded\":false}",
            // half a surrogate pair is valid JSON but no text: it cannot be encrypted (UTF-8) or shown
            "{\"name\":\"Ana \\ud800\",\"birthYear\":1985,\"sex\":\"female\",\"nationality\":\"RO\",\"interpreterNeeded\":false}",
            "{\"name\":\"Ana\",\"phone\":\"\\udc00\",\"birthYear\":1985,\"sex\":\"female\",\"nationality\":\"RO\",\"interpreterNeeded\":false}",
            "{\"__proto__\":{\"admin\":true}}",
            "{\"birthYear\":1985,\"birthYear\":1986}",
            "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}",
            "{\"name\":\"" + "x".repeat(70_000) + "\"}",
            "\u00ff\u00fe garbage \ud83d\ude00");

    private static final List<String> HELP_NUMBERS = List.of(
            "..%2F..%2Fetc%2Fpasswd",
            "%00",
            "K7MQ-X9PK%27%20OR%201=1",
            "<script>",
            "K7MQX9PK" + "A".repeat(500),
            "%E2%80%AE",
            "0000-0000",
            "k7mq x9pk x",
            "%20");

    @Test
    void hostileBodies_onEveryWriteRoute_are4xxProblems() {
        String helpNumber = api.registerPatient(null);
        List<String> failures = new ArrayList<>();
        for (String body : BODIES) {
            check(failures, "POST", "/patients", body);
            check(failures, "POST", "/visits", body);
            check(failures, "PUT", "/patients/" + helpNumber, body);
        }
        assertEquals(List.of(), failures);
    }

    private static final List<String> MERGE_BODIES = List.of(
            "{\"duplicate\":\"<script>\",\"duplicateVersion\":1}",
            "{\"duplicate\":42,\"duplicateVersion\":1}",
            "{\"duplicate\":[\"K7MQ-X9PK\"],\"duplicateVersion\":1}",
            "{\"duplicateVersion\":\"x\"}",
            "{\"duplicateVersion\":1e400}",
            "{\"duplicateVersion\":-5}",
            "{\"duplicateVersion\":99999999999999999999}",
            "{\"takeFromDuplicate\":\"name\"}",
            "{\"takeFromDuplicate\":[null]}",
            "{\"takeFromDuplicate\":[{\"a\":1}]}",
            "{\"takeFromDuplicate\":[\"name\",\"\\u0000\"]}");

    @Test
    void hostileMergeBodiesAndHeaders_are4xxProblems_andMergeNothing() {
        String survivor = api.registerPatient("Ana Popescu");
        String duplicate = api.registerPatient("Anna Popesku");
        List<String> failures = new ArrayList<>();
        String path = "/patients/" + survivor + "/merges";
        for (String body : MERGE_BODIES) {
            checkAs(
                    failures,
                    "coordinator",
                    path,
                    body.replace("K7MQ-X9PK", duplicate),
                    java.util.Map.of("If-Match", "\"1\""));
        }
        for (String body : BODIES) {
            checkAs(failures, "coordinator", path, body, java.util.Map.of("If-Match", "\"1\""));
        }
        String valid = "{\"duplicate\":\"" + duplicate + "\",\"duplicateVersion\":1}";
        for (String ifMatch : List.of("1", "\"\"", "\"-1\"", "\"1e3\"", "W/\"1\"", "\"99999999999999999999\"", "*")) {
            checkAs(failures, "coordinator", path, valid, java.util.Map.of("If-Match", ifMatch));
        }
        for (String helpNumber : HELP_NUMBERS) {
            checkAs(
                    failures,
                    "coordinator",
                    "/patients/" + helpNumber + "/merges",
                    valid,
                    java.util.Map.of("If-Match", "\"1\""));
        }
        assertEquals(List.of(), failures);
        assertEquals(
                200,
                api.call("GET", "/patients/" + duplicate, "clinician", null).status(),
                "nothing was merged");
    }

    @Test
    void hostilePathsAndQueries_are4xxProblems() {
        List<String> failures = new ArrayList<>();
        for (String helpNumber : HELP_NUMBERS) {
            check(failures, "GET", "/patients/" + helpNumber, null);
            check(failures, "GET", "/patients/" + helpNumber + "/visits", null);
        }
        for (String query : List.of(
                "site=odense&from=2025-01-01&to=2025-02-01&cursor=%00",
                "site=odense&from=2025-01-01&to=2025-02-01&limit=-1",
                "site=..%2F&from=2025-01-01&to=2025-02-01",
                "site=odense&from=2025-02-30&to=2025-03-01",
                "site=odense&from=2025-01-01&to=2025-02-01&cursor=eyJhIjoiU3gifQ.AAAA",
                "site=odense&from=2025-01-01&to=2025-02-01&limit=1e3")) {
            check(failures, "GET", "/visits?" + query, null);
        }
        for (String query : List.of(
                "birthYear=abc&sex=female&nationality=RO",
                "birthYear=1985&sex=%00&nationality=RO",
                "birthYear=1985&sex=female&nationality=RO&name=" + "%E2%80%AE".repeat(3))) {
            check(failures, "GET", "/patients?" + query, null);
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void nonJsonContentType_is415() {
        var response = api.call(
                "POST",
                "/patients",
                "clinician",
                "birthYear=1985",
                java.util.Map.of("content-type", "application/x-www-form-urlencoded"));
        assertEquals(415, response.status());
    }

    private void checkAs(
            List<String> failures, String role, String path, String body, java.util.Map<String, String> headers) {
        RouteChecks.expectCleanProblem(failures, api.call("POST", path, role, body, headers), "POST", path, body);
    }

    private void check(List<String> failures, String method, String path, String body) {
        RouteChecks.expectCleanProblem(failures, api.call(method, path, "clinician", body), method, path, body);
    }
}
