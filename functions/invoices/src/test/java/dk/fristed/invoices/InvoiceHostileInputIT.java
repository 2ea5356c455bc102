package dk.fristed.invoices;

import dk.fristed.devkit.RouteChecks;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Whatever a client or an attacker sends to the invoice routes is answered with a 4xx problem, never a 500 or a trace. */
class InvoiceHostileInputIT {
    private final InvoicesApi api = new InvoicesApi();

    private static final String VALID =
            "\"helpNumber\":\"K7MQ-X9PK\",\"site\":\"odense\",\"creditor\":\"x\",\"invoiceNumber\":\"1\","
                    + "\"invoiceDate\":\"2025-01-01\",\"dueDate\":\"2025-02-01\"";

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
            "{\"amount\":}",
            "{\"amount\":1,}",
            "{\"amount\":1e400}",
            "{\"amount\":9223372036854775808}",
            "{\"amount\":\"100\"}",
            "{\"amount\":[1]}",
            "{\"amount\":1.5}",
            "{\"amount\":-9223372036854775808}",
            "{\"currency\":\"DKK\\u0000\"}",
            "{\"dueDate\":\"2025-02-30\"}",
            "{\"action\":\"pay\",\"action\":\"write_off\"}",
            "{\"action\":\"PAY; DROP TABLE\"}",
            "{\"action\":null}",
            "{\"action\":\"reject\",\"reason\":{\"$ne\":1}}",
            "{\"action\":\"pay\",\"amount\":9223372036854775807,\"currency\":\"DKK\"}",
            "{\"action\":\"write_off\",\"note\":\"\\u0000\\u001b[31m\"}",
            "{\"action\":\"write_off\",\"note\":\"a\\u202eb\"}",
            "{\"action\":\"write_off\",\"note\":\"x \\ud800\"}",
            "{\"action\":\"write_off\",\"note\":\"" + "x".repeat(3000) + "\"}",
            "{\"__proto__\":{\"admin\":true}}",
            "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}",
            "{\"note\":\"" + "x".repeat(70_000) + "\"}",
            "\u00ff\u00fe garbage \ud83d\ude00",
            "{" + VALID + ",\"amount\":100,\"currency\":\"XXX\"}",
            "{" + VALID + ",\"amount\":100,\"currency\":\"JPYX\"}",
            "{" + VALID + ",\"amount\":0,\"currency\":\"DKK\"}",
            "{" + VALID + ",\"amount\":100,\"currency\":\"DKK\",\"visitId\":\"' OR 1=1\"}",
            "{" + VALID + ",\"amount\":100,\"currency\":\"DKK\",\"site\":\"../../etc\"}");

    private static final List<String> IDS = List.of(
            "..%2F..%2Fetc%2Fpasswd",
            "%00", "abc", "ABCDEFGHJK", "m4qx7nkab2%27%20OR%201=1", "<script>", "k".repeat(500), "%E2%80%AE", "%20");

    @Test
    void hostileBodies_onEveryWriteRoute_are4xxProblems() {
        String id = api.create(api.registerPatient(), "odense", "2025-02-01", 1_000, "DKK");
        List<String> failures = new ArrayList<>();
        for (String body : BODIES) {
            check(failures, "POST", "/invoices", body, Map.of());
            check(failures, "POST", "/invoices/" + id + "/transitions", body, Map.of("If-Match", "\"1\""));
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void datesOutsideTheApisYearsAndCurrenciesNotWrittenAsIso4217_are400NamingTheField() {
        String patient = api.registerPatient();
        for (String dueDate : List.of("9999-12-31", "+12025-01-01", "1999-12-31")) {
            var body = api.invoice(patient, "odense", "2025-02-01", 1_000, "DKK");
            body.put("dueDate", dueDate);
            var refused = api.call("POST", "/invoices", "coordinator", body);
            assertEquals(400, refused.status(), dueDate);
            assertEquals("dueDate", refused.problemField(), dueDate);
        }
        for (String currency : List.of("NOK ", "nok", " DKK")) {
            var refused = api.call(
                    "POST", "/invoices", "coordinator", api.invoice(patient, "odense", "2025-02-01", 1_000, currency));
            assertEquals(400, refused.status(), currency);
            assertEquals("currency", refused.problemField(), currency);
        }
    }

    @Test
    void hostilePathsAndQueries_are4xxProblems() {
        List<String> failures = new ArrayList<>();
        for (String id : IDS) {
            check(failures, "GET", "/invoices/" + id, null, Map.of());
            check(
                    failures,
                    "POST",
                    "/invoices/" + id + "/transitions",
                    "{\"action\":\"close\"}",
                    Map.of("If-Match", "\"1\""));
            check(failures, "GET", "/patients/" + id + "/invoices", null, Map.of());
        }
        for (String query : List.of(
                "site=odense&from=2025-01-01&to=2025-02-01&cursor=%00",
                "site=odense&from=2025-01-01&to=2025-02-01&limit=-1",
                "site=..%2F&from=2025-01-01&to=2025-02-01",
                "site=odense&from=2025-02-30&to=2025-03-01",
                "site=odense&from=2025-01-01&to=2025-02-01&state=%00",
                "site=odense&from=2025-01-01&to=2027-02-01",
                "site=odense&from=2025-01-01&to=2025-02-01&cursor=eyJhIjoiU3gifQ.AAAA")) {
            check(failures, "GET", "/invoices?" + query, null, Map.of());
        }
        for (String query : List.of(
                "from=x&to=2025-01-01", "from=2025-01-01&to=2025-01-31&site=%00", "from=2025-03-01&to=2025-01-01")) {
            check(failures, "GET", "/invoices/totals?" + query, null, Map.of());
            check(failures, "GET", "/invoices/export?" + query, null, Map.of());
        }
        check(failures, "GET", "/invoices/deadlines?site=<script>", null, Map.of());
        check(failures, "GET", "/invoices/deadlines?site=odense&cursor=AAAA", null, Map.of());
        assertEquals(List.of(), failures);
    }

    private void check(List<String> failures, String method, String path, String body, Map<String, String> headers) {
        RouteChecks.expectCleanProblem(
                failures, api.call(method, path, "coordinator", body, headers), method, path, body);
    }
}
