package dk.fristed.invoices;

import com.fasterxml.jackson.databind.JsonNode;
import dk.fristed.devkit.FunctionTestbed;
import dk.fristed.devkit.RouteChecks;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static dk.fristed.invoices.InvoicesApi.action;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The invoice routes against DynamoDB Local, with the tables of template.yaml. */
class InvoicesIT {
    private final InvoicesApi api = new InvoicesApi();

    @Test
    void registeredInvoice_isReceived_withItsFirstHistoryEntry_andAmountsInMinorUnits() {
        String patient = api.registerPatient();
        var body = api.invoice(patient, "copenhagen", "2025-02-20", 1_245_050, "DKK");
        body.put("note", "Patient fears debt collection");

        var created = api.call("POST", "/invoices", "coordinator", body);

        assertEquals(201, created.status(), String.valueOf(created.body()));
        assertEquals("\"1\"", created.header("ETag"));
        JsonNode invoice = created.body();
        assertEquals(1, invoice.get("version").asInt(), "the body carries the version, as a patient's does");
        assertEquals("received", invoice.get("state").asText());
        assertEquals(List.of("request_credit", "pay", "write_off"), RouteChecks.texts(invoice.get("allowedActions")));
        assertEquals(1_245_050, invoice.get("amount").asLong());
        assertEquals(1_245_050, invoice.get("outstanding").asLong());
        assertEquals("DKK", invoice.get("currency").asText());
        String id = invoice.get("id").asText();
        assertEquals("/invoices/" + id, created.header("Location"));
        JsonNode read = api.call("GET", "/invoices/" + id, "clinician", null).body();
        assertEquals(body.get("invoiceNumber"), read.get("invoiceNumber").asText());
        assertEquals(1, read.get("history").size());
        assertEquals("received", read.get("history").get(0).get("to").asText());
        assertEquals(
                "Patient fears debt collection",
                read.get("history").get(0).get("note").asText());
    }

    @Test
    void theSameCreditorsNumberAgain_is409NamingTheExistingInvoice_howeverItIsTyped() {
        String patient = api.registerPatient();
        var body = api.invoice(patient, "aarhus", "2025-02-01", 50_000, "DKK");
        body.put("creditor", "Aarhus Universitetshospital");
        body.put("invoiceNumber", "2025-004217");
        String first = api.create(body);

        body.put("creditor", "aarhus universitetshospital ");
        body.put("invoiceNumber", "2025 004217");
        var again = api.call("POST", "/invoices", "coordinator", body);

        assertEquals(409, again.status());
        assertEquals("invoiceNumber", again.problemField());
        assertTrue(
                again.body().get("detail").asText().endsWith("/invoices/" + first),
                again.body().toString());
        assertFalse(again.body().toString().contains("004217"), "the problem never repeats the number");
        body.put("creditor", "Regionshospitalet Randers");
        assertEquals(
                201,
                api.call("POST", "/invoices", "coordinator", body).status(),
                "another creditor's number 2025-004217");
    }

    @Test
    void oneNumberRegisteredEightTimesAtOnce_leavesExactlyOneInvoice() throws Exception {
        String patient = api.registerPatient();
        var body = api.invoice(patient, "odense", "2025-02-01", 75_000, "DKK");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<FunctionTestbed.Response>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(CompletableFuture.supplyAsync(
                        () -> RouteChecks.whenStarted(start, () -> api.call("POST", "/invoices", "coordinator", body)),
                        pool));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (var call : calls) {
                statuses.add(call.get().status());
            }
            statuses.sort(null);
            assertEquals(List.of(201, 409, 409, 409, 409, 409, 409, 409), statuses);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(
                1,
                api.call("GET", "/patients/" + patient + "/invoices", "coordinator", null)
                        .body()
                        .get("items")
                        .size());
        assertEquals(
                1,
                api.raw
                        .scan(s -> s.tableName(api.tables.get("InvoiceNumbersTable")))
                        .count());
    }

    @Test
    void retriedRegistrationWithTheSameIdempotencyKey_registersOneInvoice() {
        String patient = api.registerPatient();
        var body = api.invoice(patient, "copenhagen", "2025-02-01", 10_000, "DKK");
        Map<String, String> key = Map.of("Idempotency-Key", "invoice-retry-0001");

        var first = api.call("POST", "/invoices", "coordinator", body, key);
        var retry = api.call("POST", "/invoices", "coordinator", body, key);

        assertEquals(201, first.status());
        assertEquals(201, retry.status());
        assertEquals("true", retry.header("Idempotent-Replayed"));
        assertEquals(first.body().get("id"), retry.body().get("id"));
        assertEquals(
                1,
                api.call("GET", "/patients/" + patient + "/invoices", "coordinator", null)
                        .body()
                        .get("items")
                        .size());
    }

    @Test
    void invoiceForAnUnknownPatient_is404_andNothingIsWritten() {
        var refused = api.call(
                "POST", "/invoices", "coordinator", api.invoice("K7MQ-X9PK", "copenhagen", "2025-02-01", 100, "DKK"));

        assertEquals(404, refused.status());
        assertEquals("helpNumber", refused.problemField());
        for (String table : List.of("InvoicesTable", "InvoiceNumbersTable", "InvoiceHistoryTable")) {
            assertEquals(
                    0, api.raw.scan(s -> s.tableName(api.tables.get(table))).count(), table);
        }
    }

    @Test
    void badRegistrations_are400NamingTheField() {
        String patient = api.registerPatient();
        Map<String, Object> wrong = Map.of(
                "amount",
                -5,
                "currency",
                "KRONER",
                "dueDate",
                "2025-01-01",
                "invoiceDate",
                "2025-03-02",
                "receivedOn",
                "2025-03-02",
                "site",
                "oslo",
                "creditor",
                " ",
                "invoiceNumber",
                "x".repeat(65));
        for (var field : wrong.entrySet()) {
            var body = api.invoice(patient, "copenhagen", "2025-02-01", 100, "DKK");
            body.put(field.getKey(), field.getValue());
            var refused = api.call("POST", "/invoices", "coordinator", body);
            assertEquals(400, refused.status(), field.getKey());
            assertEquals(field.getKey(), refused.problemField());
        }
        var decimal = api.invoice(patient, "copenhagen", "2025-02-01", 100, "DKK");
        decimal.put("amount", 12.5);
        assertEquals(
                400,
                api.call("POST", "/invoices", "coordinator", decimal).status(),
                "amounts are integers of minor units");
    }

    @Test
    void twoCoordinatorsAnsweringTheSameInvoiceAtOnce_leaveExactlyOneAnswer_andOne412() throws Exception {
        String id = api.create(api.registerPatient(), "aalborg", "2025-02-01", 40_000, "DKK");
        api.walk(id, List.of(action("request_credit", "channel", "letter")));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            var credit = CompletableFuture.supplyAsync(
                    () -> RouteChecks.whenStarted(start, () -> api.move(id, 2, action("credit_in_full"))), pool);
            var reject = CompletableFuture.supplyAsync(
                    () -> RouteChecks.whenStarted(
                            start, () -> api.move(id, 2, action("reject", "reason", "no_health_rights"))),
                    pool);
            start.countDown();
            List<Integer> statuses =
                    new ArrayList<>(List.of(credit.get().status(), reject.get().status()));
            statuses.sort(null);
            assertEquals(List.of(200, 412), statuses);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(
                3,
                api.call("GET", "/invoices/" + id, "coordinator", null)
                        .body()
                        .get("history")
                        .size(),
                "one answer, written once");
    }

    @Test
    void lists_patientsNewestFirst_siteByPeriodAndState_pagedWithSignedCursors() {
        String patient = api.registerPatient();
        String older = api.create(patient, "copenhagen", "2025-01-05", 100, "DKK");
        String newer = api.create(patient, "copenhagen", "2025-02-05", 200, "DKK");
        api.create(api.registerPatient(), "aarhus", "2025-02-06", 300, "DKK");
        api.walk(newer, List.of(action("request_credit", "channel", "portal")));

        assertEquals(
                List.of(newer, older),
                RouteChecks.ids(api.call("GET", "/patients/" + patient + "/invoices", "clinician", null)));
        String period = "/invoices?site=copenhagen&from=2025-01-01&to=2025-02-28";
        assertEquals(List.of(older, newer), RouteChecks.ids(api.call("GET", period, "coordinator", null)));
        assertEquals(
                List.of(newer),
                RouteChecks.ids(api.call("GET", period + "&state=credit_requested", "coordinator", null)));
        var first = api.call("GET", period + "&limit=1", "coordinator", null);
        String cursor = URLEncoder.encode(first.body().get("nextCursor").asText(), StandardCharsets.UTF_8);
        assertEquals(
                List.of(newer),
                RouteChecks.ids(api.call("GET", period + "&limit=1&cursor=" + cursor, "coordinator", null)));
        assertEquals(
                400,
                api.call(
                                "GET",
                                "/invoices?site=aarhus&from=2025-01-01&to=2025-02-28&limit=1&cursor=" + cursor,
                                "coordinator",
                                null)
                        .status(),
                "a cursor is signed for its own query");
    }

    @Test
    void roles_financeReadsOnlyTotals_onlyCoordinatorsExport_adminsNeverSeeInvoices() {
        String id = api.create(api.registerPatient(), "copenhagen", "2025-02-01", 100, "DKK");
        String year = "from=2025-01-01&to=2025-12-31";
        for (String role : List.of("finance", "admin")) {
            assertEquals(403, api.call("GET", "/invoices/" + id, role, null).status(), role);
            assertEquals(
                    403, api.call("GET", "/invoices/export?" + year, role, null).status(), role);
            assertEquals(
                    403,
                    api.call("GET", "/invoices?site=copenhagen&" + year, role, null)
                            .status(),
                    role);
        }
        assertEquals(
                200,
                api.call("GET", "/invoices/totals?" + year, "finance", null).status());
        assertEquals(
                403, api.call("GET", "/invoices/totals?" + year, "admin", null).status());
        assertEquals(
                403,
                api.call("GET", "/invoices/export?" + year, "clinician", null).status());
        assertEquals(
                200,
                api.call("GET", "/invoices/export?" + year, "coordinator", null).status());
    }

    @Test
    void everyRoute_makesTheDynamoDbCallsOfItsProfile() {
        String patient = api.registerPatient();
        String id = api.create(patient, "copenhagen", "2025-02-01", 100, "DKK");
        String year = "from=2025-01-01&to=2025-12-31&site=copenhagen";

        RouteChecks.assertCalls(
                api.testbed,
                "POST /invoices",
                () -> api.call(
                        "POST",
                        "/invoices",
                        "coordinator",
                        api.invoice(patient, "copenhagen", "2025-02-01", 5, "DKK")));
        RouteChecks.assertCalls(
                api.testbed, "GET /invoices/{invoiceId}", () -> api.call("GET", "/invoices/" + id, "clinician", null));
        RouteChecks.assertCalls(
                api.testbed,
                "POST /invoices/{invoiceId}/transitions",
                () -> api.move(id, 1, action("request_credit", "channel", "phone")));
        RouteChecks.assertCalls(
                api.testbed,
                "GET /patients/{helpNumber}/invoices",
                () -> api.call("GET", "/patients/" + patient + "/invoices", "clinician", null));
        RouteChecks.assertCalls(
                api.testbed, "GET /invoices", () -> api.call("GET", "/invoices?" + year, "clinician", null));
        RouteChecks.assertCalls(
                api.testbed,
                "GET /invoices/totals",
                () -> api.call("GET", "/invoices/totals?" + year, "finance", null));
        RouteChecks.assertCalls(
                api.testbed,
                "GET /invoices/export",
                () -> api.call("GET", "/invoices/export?" + year, "coordinator", null));
        api.deadlinesOn("2025-03-20", InvoicesApi.DEADLINES).handleRequest(null, null);
        RouteChecks.assertCalls(
                api.testbed,
                "GET /invoices/deadlines",
                () -> api.call("GET", "/invoices/deadlines?site=copenhagen", "coordinator", null));
    }

    @Test
    void invoiceNumbersNotesAndCreditors_areNeverStoredReadable() {
        String patient = api.registerPatient();
        var body = api.invoice(patient, "copenhagen", "2025-02-01", 100, "DKK");
        body.put("invoiceNumber", "HOSP-777123");
        body.put("creditor", "Hvidovre Hospital");
        body.put("note", "Brought by her sister");
        String id = api.create(body);
        api.walk(
                id,
                List.of(action(
                        "request_credit", "channel", "email", "reference", "Case 55-991", "note", "Wrote to billing")));

        String dump = api.raw
                        .scan(s -> s.tableName(api.tables.get("InvoicesTable")))
                        .items()
                        .toString()
                + api.raw
                        .scan(s -> s.tableName(api.tables.get("InvoiceHistoryTable")))
                        .items()
                        .toString()
                + api.raw
                        .scan(s -> s.tableName(api.tables.get("InvoiceNumbersTable")))
                        .items()
                        .toString();
        for (String text : List.of("777123", "Hvidovre", "sister", "55-991", "billing")) {
            assertFalse(dump.contains(text), text + " in plaintext");
        }
        var stored = api.raw
                .getItem(g ->
                        g.tableName(api.tables.get("InvoicesTable")).key(Map.of("invoiceId", AttributeValue.fromS(id))))
                .item();
        assertFalse(stored.get("amount").toString().contains("100"), "the amount is encrypted too");
    }
}
