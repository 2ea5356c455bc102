package dk.fristed.invoices;

import com.fasterxml.jackson.databind.JsonNode;
import dk.fristed.devkit.RouteChecks;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dk.fristed.invoices.InvoicesApi.action;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every state against every action through the API, and the amount rules: credited plus paid never
 * exceeds the invoice, never goes negative, never mixes currencies.
 */
class InvoiceTransitionsIT {
    private static final long AMOUNT = 10_000;
    private final InvoicesApi api = new InvoicesApi();
    private final String patient = api.registerPatient();

    /** A path to each state from received. */
    private static final Map<String, List<Map<String, Object>>> PATHS = new LinkedHashMap<>();
    /** A body each action takes wherever it is allowed (an invoice of 100.00 NOK with at most 10.00 credited). */
    private static final Map<String, Map<String, Object>> BODIES = new LinkedHashMap<>();

    static {
        BODIES.put("request_credit", action("request_credit", "channel", "letter"));
        BODIES.put("credit_in_full", action("credit_in_full"));
        BODIES.put("credit_partly", action("credit_partly", "amount", 1000, "currency", "NOK"));
        BODIES.put("reject", action("reject", "reason", "no_health_rights"));
        BODIES.put("appeal", action("appeal", "channel", "email"));
        BODIES.put("close", action("close"));
        BODIES.put("pay", action("pay", "amount", 500, "currency", "NOK"));
        BODIES.put("write_off", action("write_off", "note", "Creditor stopped the claim"));
        PATHS.put("received", List.of());
        PATHS.put("credit_requested", List.of(BODIES.get("request_credit")));
        PATHS.put("credited", List.of(BODIES.get("request_credit"), BODIES.get("credit_in_full")));
        PATHS.put("partly_credited", List.of(BODIES.get("request_credit"), BODIES.get("credit_partly")));
        PATHS.put("rejected", List.of(BODIES.get("request_credit"), BODIES.get("reject")));
        PATHS.put("appealed", List.of(BODIES.get("request_credit"), BODIES.get("reject"), BODIES.get("appeal")));
        PATHS.put(
                "rejected_again",
                List.of(
                        BODIES.get("request_credit"),
                        BODIES.get("reject"),
                        BODIES.get("appeal"),
                        BODIES.get("reject")));
        PATHS.put("closed", List.of(BODIES.get("request_credit"), BODIES.get("reject"), BODIES.get("close")));
        PATHS.put("paid", List.of(action("pay", "amount", AMOUNT, "currency", "NOK")));
        PATHS.put("written_off", List.of(BODIES.get("write_off")));
    }

    private String inState(String state) {
        String id = api.create(patient, "aarhus", "2025-02-01", AMOUNT, "NOK");
        api.walkCreated(id, PATHS.get(state));
        assertEquals(
                state,
                api.call("GET", "/invoices/" + id, "coordinator", null)
                        .body()
                        .get("state")
                        .asText());
        return id;
    }

    @Test
    void everyStateAgainstEveryAction_throughTheApi() {
        List<String> wrong = new ArrayList<>();
        for (String state : PATHS.keySet()) {
            String probe = inState(state);
            JsonNode before =
                    api.call("GET", "/invoices/" + probe, "coordinator", null).body();
            List<String> allowed = RouteChecks.texts(before.get("allowedActions"));
            long version = before.get("history").size();
            for (var action : BODIES.entrySet()) {
                if (allowed.contains(action.getKey())) {
                    String id = inState(state);
                    var moved = api.move(id, version, action.getValue());
                    if (moved.status() != 200) {
                        wrong.add(state + " + " + action.getKey() + " -> " + moved.status() + " " + moved.body());
                    }
                } else {
                    var refused = api.move(probe, version, action.getValue());
                    String detail = refused.body().path("detail").asText();
                    if (refused.status() != 409
                            || !detail.contains(state)
                            || !allowed.stream().allMatch(detail::contains)) {
                        wrong.add(state + " + " + action.getKey() + " -> " + refused.status() + " " + detail);
                    }
                }
            }
            assertEquals(
                    before,
                    api.call("GET", "/invoices/" + probe, "coordinator", null).body(),
                    "refusals change nothing: " + state);
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void partialThenFull_creditsTheWholeAmount_inTwoRecordedSteps() {
        String id = api.create(patient, "aarhus", "2025-02-01", AMOUNT, "NOK");
        api.walk(
                id,
                List.of(
                        action("request_credit", "channel", "letter", "date", "2025-02-03"),
                        action("credit_partly", "amount", 3000, "currency", "NOK", "date", "2025-02-10"),
                        action("appeal", "channel", "email", "reference", "Klage 17", "date", "2025-02-11"),
                        action("credit_in_full", "date", "2025-02-25")));

        JsonNode invoice =
                api.call("GET", "/invoices/" + id, "coordinator", null).body();
        assertEquals("credited", invoice.get("state").asText());
        assertEquals(AMOUNT, invoice.get("credited").asLong());
        assertEquals(0, invoice.get("outstanding").asLong());
        assertEquals("2025-02-10", invoice.get("decidedOn").asText(), "the first answer");
        List<Long> credits = new ArrayList<>();
        invoice.get("history").forEach(h -> credits.add(h.get("credited").asLong()));
        assertEquals(List.of(0L, 0L, 3000L, 0L, 7000L), credits);
    }

    @Test
    void partlyCreditedThenPaidByTheFund_leavesNothingOutstanding() {
        String id = api.create(patient, "aarhus", "2025-02-01", AMOUNT, "NOK");
        api.walk(
                id,
                List.of(
                        action("request_credit", "channel", "portal"),
                        action("credit_partly", "amount", 6000, "currency", "NOK"),
                        action("pay", "amount", 4000, "currency", "NOK")));

        JsonNode invoice =
                api.call("GET", "/invoices/" + id, "coordinator", null).body();
        assertEquals("paid", invoice.get("state").asText());
        assertEquals(6000, invoice.get("credited").asLong());
        assertEquals(4000, invoice.get("paid").asLong());
        assertEquals(0, invoice.get("outstanding").asLong());
    }

    @Test
    void amountRules_overCreditingOverPayingNegativeZeroAndForeignCurrency_areRefusedAndChangeNothing() {
        String id = api.create(patient, "aarhus", "2025-02-01", AMOUNT, "NOK");
        api.walk(
                id,
                List.of(
                        action("request_credit", "channel", "letter"),
                        action("credit_partly", "amount", 9000, "currency", "NOK")));
        long version = 3; // outstanding now 1000

        assertProblem(422, "amount", api.move(id, version, action("pay", "amount", 1001, "currency", "NOK")));
        assertProblem(422, "currency", api.move(id, version, action("pay", "amount", 100, "currency", "DKK")));
        assertProblem(400, "amount", api.move(id, version, action("pay", "amount", -100, "currency", "NOK")));
        assertProblem(400, "amount", api.move(id, version, action("pay", "amount", 0, "currency", "NOK")));
        assertProblem(400, "amount", api.move(id, version, action("pay", "currency", "NOK")));
        assertProblem(400, "currency", api.move(id, version, action("pay", "amount", 100)));
        assertProblem(400, "currency", api.move(id, version, action("pay", "amount", 100, "currency", "XYZ")));
        assertEquals(
                400,
                api.move(id, version, action("pay", "amount", 99.5, "currency", "NOK"))
                        .status(),
                "minor units are integers");
        assertProblem(
                400,
                "amount",
                api.move(id, version, action("appeal", "channel", "letter", "amount", 5, "currency", "NOK")));
        assertEquals(
                200,
                api.move(id, version, action("appeal", "channel", "letter")).status());
        assertProblem(
                422, "amount", api.move(id, version + 1, action("credit_partly", "amount", 1000, "currency", "NOK")));
        assertProblem(
                422, "amount", api.move(id, version + 1, action("credit_partly", "amount", 1500, "currency", "NOK")));
        assertProblem(
                422, "amount", api.move(id, version + 1, action("credit_in_full", "amount", 999, "currency", "NOK")));
        assertEquals(
                200,
                api.move(id, version + 1, action("credit_in_full", "amount", 1000, "currency", "NOK"))
                        .status());

        JsonNode invoice =
                api.call("GET", "/invoices/" + id, "coordinator", null).body();
        assertEquals(AMOUNT, invoice.get("credited").asLong());
        assertEquals(0, invoice.get("paid").asLong());
        assertEquals(5, invoice.get("history").size(), "only the accepted steps were written");
    }

    @Test
    void eachActionTakesItsOwnFields_andIfMatchIsRequired() {
        String id = api.create(patient, "aarhus", "2025-02-01", AMOUNT, "NOK");

        assertProblem(400, "channel", api.move(id, 1, action("request_credit")));
        assertProblem(400, "channel", api.move(id, 1, action("request_credit", "channel", "pigeon")));
        assertProblem(400, "reason", api.move(id, 1, action("request_credit", "channel", "letter", "reason", "other")));
        assertProblem(
                400, "date", api.move(id, 1, action("request_credit", "channel", "letter", "date", "2025-01-31")));
        assertProblem(
                400, "date", api.move(id, 1, action("request_credit", "channel", "letter", "date", "2025-03-02")));
        assertProblem(400, "note", api.move(id, 1, action("write_off")));
        assertProblem(400, "action", api.move(id, 1, action("forgive")));
        assertEquals(
                428,
                api.call("POST", "/invoices/" + id + "/transitions", "coordinator", BODIES.get("request_credit"))
                        .status());
        assertEquals(412, api.move(id, 2, BODIES.get("request_credit")).status());
        assertEquals(
                404, api.move("m4qx7nkab2", 1, BODIES.get("request_credit")).status());
        assertEquals(
                200,
                api.move(id, 1, action("request_credit", "channel", "letter", "reference", "Sag 2025-17"))
                        .status());
    }

    private static void assertProblem(int status, String field, dk.fristed.devkit.FunctionTestbed.Response response) {
        assertEquals(status, response.status(), String.valueOf(response.body()));
        assertEquals(field, response.problemField(), String.valueOf(response.body()));
        assertTrue(response.header("Content-Type").startsWith("application/problem+json"));
    }
}
