package dk.fristed.reports;

import dk.fristed.devkit.RouteChecks;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Whatever a client or an attacker sends to the report and open-day routes is answered with a 4xx problem, never a 500 or a trace. */
class ReportsHostileInputIT {
    private final ReportsApi api = new ReportsApi();

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
            "{\"kind\":\"drop_in\",}",
            "{\"kind\":[\"drop_in\"]}",
            "{\"kind\":null}",
            "{\"kind\":\"\\u0000\"}",
            "{\"kind\":\"drop_in\",\"kind\":\"appointment\"}",
            "{\"__proto__\":{\"admin\":true}}",
            "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}",
            "{\"kind\":\"" + "x".repeat(70_000) + "\"}",
            "\u00ff\u00fe garbage \ud83d\ude00");

    private static final List<String> VALUES = List.of(
            "..%2F..",
            "%00", "99999", "2024%27%20OR%201=1", "<script>", "1".repeat(300), "-2024", "20x4", "1999", "2026");

    @Test
    void hostileBodies_onTheWriteRoute_are4xxProblems() {
        List<String> failures = new ArrayList<>();
        for (String body : BODIES) {
            check(failures, "PUT", "/open-days/odense/2025-01-06", body, Map.of());
            check(failures, "PUT", "/open-days/odense/2025-01-07", body, Map.of("If-Match", "\"1\""));
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void hostilePathsAndQueries_are4xxProblems() {
        List<String> failures = new ArrayList<>();
        for (String value : VALUES) {
            check(failures, "GET", "/reports/" + value, null, Map.of());
            check(failures, "GET", "/reports/2024?site=" + value, null, Map.of());
            check(failures, "GET", "/reports/2024?format=" + value, null, Map.of());
            check(failures, "GET", "/reports/2024?version=" + value, null, Map.of());
            check(failures, "GET", "/reports?from=" + value + "&to=2024-12-31", null, Map.of());
            check(failures, "GET", "/reports?from=2024-01-01&to=" + value, null, Map.of());
            check(failures, "PUT", "/open-days/" + value + "/2025-01-06", "{\"kind\":\"drop_in\"}", Map.of());
            check(failures, "PUT", "/open-days/odense/" + value, "{\"kind\":\"drop_in\"}", Map.of());
            check(failures, "DELETE", "/open-days/odense/" + value, null, Map.of("If-Match", "\"1\""));
            check(failures, "DELETE", "/open-days/odense/2025-01-06", null, Map.of("If-Match", value));
            check(
                    failures,
                    "GET",
                    "/open-days?site=odense&from=2025-01-01&to=2025-01-31&cursor=" + value,
                    null,
                    Map.of());
        }
        check(failures, "GET", "/reports?from=2023-01-01&to=2024-12-31", null, Map.of());
        check(failures, "GET", "/reports?from=2024-12-31&to=2024-01-01", null, Map.of());
        check(failures, "GET", "/reports", null, Map.of());
        check(failures, "GET", "/open-days?site=odense&from=2025-01-01&to=2025-01-31&limit=0", null, Map.of());
        assertEquals(List.of(), failures);
    }

    private void check(List<String> failures, String method, String path, String body, Map<String, String> headers) {
        RouteChecks.expectCleanProblem(
                failures, api.call(method, path, "coordinator", body, headers), method, path, body);
    }
}
