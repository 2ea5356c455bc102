package dk.fristed.referrals;

import dk.fristed.devkit.RouteChecks;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Whatever a client or an attacker sends to the referral routes is answered with a 4xx problem, never a 500 or a trace. */
class ReferralHostileInputIT {
    private final ReferralsApi api = new ReferralsApi();

    private static final List<String> BODIES = List.of(
            "",
            " ",
            "null",
            "[]",
            "{",
            "}",
            "\"string\"",
            "42",
            "true",
            "{\"kind\":}",
            "{\"kind\":\"examination\",}",
            "{\"kind\":[\"examination\"]}",
            "{\"date\":\"2025-02-30\"}",
            "{\"date\":20250201}",
            "{\"helpNumber\":12345678}",
            "{\"action\":\"send\",\"action\":\"accept\"}",
            "{\"action\":\"SEND; DROP TABLE\"}",
            "{\"action\":null}",
            "{\"action\":\"reject\",\"reason\":{\"$ne\":1}}",
            "{\"action\":\"send\",\"date\":\"0000-01-01\"}",
            "{\"action\":\"cancel\",\"note\":\"\\u0000\\u001b[31m\"}",
            "{\"action\":\"cancel\",\"note\":\"a\\u202eb\"}",
            "{\"action\":\"cancel\",\"note\":\"x \\ud800\"}",
            "{\"action\":\"cancel\",\"note\":\"" + "x".repeat(3000) + "\"}",
            "{\"__proto__\":{\"admin\":true}}",
            "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}",
            "{\"clinicalQuestion\":\"" + "x".repeat(70_000) + "\"}",
            "\u00ff\u00fe garbage \ud83d\ude00",
            "{\"helpNumber\":\"K7MQ-X9PK\",\"site\":\"../../etc\",\"kind\":\"other\",\"receiver\":\"x\",\"urgency\":\"routine\",\"clinicalQuestion\":\"q\"}",
            "{\"helpNumber\":\"K7MQ-X9PK\",\"site\":\"odense\",\"kind\":\"other\",\"modality\":\"ct\",\"receiver\":\"x\",\"urgency\":\"routine\",\"clinicalQuestion\":\"q\"}",
            "{\"helpNumber\":\"K7MQ-X9PK\",\"site\":\"odense\",\"kind\":\"other\",\"receiver\":\"x\",\"urgency\":\"routine\",\"clinicalQuestion\":\"q\",\"replaces\":\"' OR 1=1\"}");

    private static final List<String> IDS = List.of(
            "..%2F..%2Fetc%2Fpasswd",
            "%00", "abc", "ABCDEFGHJK", "k7mqx9pkab%27%20OR%201=1", "<script>", "k".repeat(500), "%E2%80%AE", "%20");

    @Test
    void hostileBodies_onEveryWriteRoute_are4xxProblems() {
        String id = api.create(api.registerPatient(), "odense", "2025-02-01", "other");
        List<String> failures = new ArrayList<>();
        for (String body : BODIES) {
            check(failures, "POST", "/referrals", body, Map.of());
            check(failures, "POST", "/referrals/" + id + "/transitions", body, Map.of("If-Match", "\"1\""));
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void hostilePathsAndQueries_are4xxProblems() {
        List<String> failures = new ArrayList<>();
        for (String id : IDS) {
            check(failures, "GET", "/referrals/" + id, null, Map.of());
            check(
                    failures,
                    "POST",
                    "/referrals/" + id + "/transitions",
                    "{\"action\":\"send\"}",
                    Map.of("If-Match", "\"1\""));
            check(failures, "GET", "/patients/" + id + "/referrals", null, Map.of());
        }
        for (String query : List.of(
                "site=odense&from=2025-01-01&to=2025-02-01&cursor=%00",
                "site=odense&from=2025-01-01&to=2025-02-01&limit=-1",
                "site=..%2F&from=2025-01-01&to=2025-02-01",
                "site=odense&from=2025-02-30&to=2025-03-01",
                "site=odense&from=2025-01-01&to=2025-02-01&state=%00",
                "site=odense&from=2025-01-01&to=2027-02-01",
                "site=odense&from=2025-01-01&to=2025-02-01&cursor=eyJhIjoiU3gifQ.AAAA")) {
            check(failures, "GET", "/referrals?" + query, null, Map.of());
        }
        for (String query : List.of(
                "from=x&to=2025-01-01", "from=2025-01-01&to=2025-01-31&site=%00", "from=2025-03-01&to=2025-01-01")) {
            check(failures, "GET", "/referrals/counts?" + query, null, Map.of());
        }
        check(failures, "GET", "/referrals/follow-up?site=<script>", null, Map.of());
        check(failures, "GET", "/referrals/follow-up?site=odense&cursor=AAAA", null, Map.of());
        assertEquals(List.of(), failures);
    }

    private void check(List<String> failures, String method, String path, String body, Map<String, String> headers) {
        RouteChecks.expectCleanProblem(
                failures, api.call(method, path, "clinician", body, headers), method, path, body);
    }
}
