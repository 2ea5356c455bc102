package dk.fristed.budget;

import dk.fristed.devkit.RouteChecks;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Whatever a client or an attacker sends to the budget routes is answered with a 4xx problem, never a 500 or a trace. */
class BudgetHostileInputIT {
    private final BudgetApi api = new BudgetApi();

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
            "{\"kind\":\"payment\",}",
            "{\"kind\":[\"payment\"]}",
            "{\"date\":\"2025-02-30\"}",
            "{\"amount\":1e400}",
            "{\"amount\":9223372036854775808}",
            "{\"amount\":\"100\"}",
            "{\"amount\":1.5}",
            "{\"year\":\"2025\"}",
            "{\"year\":-1,\"need\":1,\"currency\":\"DKK\"}",
            "{\"year\":2025,\"need\":1,\"currency\":\"DKK\",\"plan\":{\"=cmd\":1}}",
            "{\"year\":2030,\"need\":1,\"currency\":\"DKK\"}",
            "{\"kind\":\"payment\",\"kind\":\"expense\"}",
            "{\"kind\":\"payment\",\"amount\":5,\"currency\":\"DKK\",\"sourceId\":\"' OR 1=1\"}",
            "{\"kind\":\"pledge\",\"amount\":5,\"currency\":\"DKK\",\"sourceId\":\"abcdefghjk\",\"instalments\":[null]}",
            "{\"kind\":\"pledge\",\"amount\":5,\"currency\":\"DKK\",\"sourceId\":\"abcdefghjk\",\"instalments\":[{\"due\":\"1999-01-01\",\"amount\":5}]}",
            "{\"kind\":\"pledge\",\"amount\":9223372036854775807,\"currency\":\"DKK\",\"sourceId\":\"abcdefghjk\",\"instalments\":"
                    + "[{\"due\":\"2025-12-01\",\"amount\":9223372036854775807},{\"due\":\"2025-12-02\",\"amount\":9223372036854775807}]}",
            "{\"kind\":\"expense\",\"amount\":5,\"currency\":\"DKK\",\"category\":\"../etc\"}",
            "{\"kind\":\"reversal\",\"reverses\":\"\\u0000\",\"note\":\"x\"}",
            "{\"kind\":\"expense\",\"note\":\"a\\u202eb\"}",
            "{\"type\":\"private_donor\",\"name\":\"x \\ud800\"}",
            "{\"type\":\"company\",\"name\":\"" + "x".repeat(300) + "\"}",
            "{\"__proto__\":{\"admin\":true}}",
            "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}",
            "{\"note\":\"" + "x".repeat(70_000) + "\"}",
            "\u00ff\u00fe garbage \ud83d\ude00");

    @Test
    void hostileBodies_onEveryWriteRoute_are4xxProblems() {
        api.year(2025, 1_000, Map.of());
        List<String> failures = new ArrayList<>();
        for (String body : BODIES) {
            check(failures, "POST", "/budget/years", body);
            check(failures, "POST", "/budget/sources", body);
            check(failures, "POST", "/budget/years/2025/entries", body);
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void hostilePathsAndQueries_are4xxProblems() {
        List<String> failures = new ArrayList<>();
        for (String year : List.of(
                "..%2F..", "%00", "99999", "2025%27%20OR%201=1", "<script>", "1".repeat(300), "-2025", "20x5")) {
            for (String tail : List.of("/entries", "/progress", "/chart", "/export")) {
                check(failures, "GET", "/budget/years/" + year + tail, null);
            }
            check(failures, "POST", "/budget/years/" + year + "/entries", "{\"kind\":\"expense\"}");
            check(failures, "DELETE", "/budget/sources/" + year, null);
        }
        check(failures, "GET", "/budget/sources?cursor=%00", null);
        check(failures, "GET", "/budget/sources?limit=0", null);
        check(failures, "GET", "/budget/years/2025/entries?cursor=eyJhIjoiU3gifQ.AAAA", null);
        assertEquals(List.of(), failures);
    }

    private void check(List<String> failures, String method, String path, String body) {
        RouteChecks.expectCleanProblem(failures, api.call(method, path, body, Map.of()), method, path, body);
    }
}
