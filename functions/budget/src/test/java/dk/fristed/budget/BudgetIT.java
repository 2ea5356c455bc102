package dk.fristed.budget;

import com.fasterxml.jackson.databind.JsonNode;
import dk.fristed.devkit.FunctionTestbed;
import dk.fristed.devkit.RouteChecks;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The budget routes against DynamoDB Local: concurrency, retries, reversals, donors, roles, and the calls each route makes. */
class BudgetIT {
    private final BudgetApi api = new BudgetApi();

    @Test
    void twoHundredPaymentsAtOnce_andRetriesWithTheirKeys_leaveEveryFigureTheSumOfTheRecords() throws Exception {
        api.year(2025, 100_000_000L, Map.of());
        String branch = api.source("red_cross_branch", "Røde Kors Vejle");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        long expected = 0;
        try {
            List<CompletableFuture<FunctionTestbed.Response>> calls = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                long amount = 10_000 + i * 137L;
                expected += amount;
                Map<String, Object> body = Map.of(
                        "kind",
                        "payment",
                        "sourceId",
                        branch,
                        "amount",
                        amount,
                        "currency",
                        "DKK",
                        "date",
                        "2025-05-01");
                Map<String, String> key = Map.of("Idempotency-Key", "payment-" + i + "-0000");
                calls.add(CompletableFuture.supplyAsync(
                        () -> RouteChecks.whenStarted(
                                start, () -> api.call("POST", "/budget/years/2025/entries", body, key)),
                        pool));
                if (i % 20 == 0) { // the phone lost the answer and sends the same request again, at once
                    calls.add(CompletableFuture.supplyAsync(
                            () -> RouteChecks.whenStarted(
                                    start, () -> api.call("POST", "/budget/years/2025/entries", body, key)),
                            pool));
                }
            }
            start.countDown();
            for (var call : calls) {
                int status = call.get().status();
                assertTrue(status == 201 || status == 409 || status == 503, "status " + status);
            }
        } finally {
            pool.shutdownNow();
        }
        // a retry racing its first try may be told to come again (409 while the first is in flight); it counts once
        // either way
        JsonNode p = api.call("GET", "/budget/years/2025/progress", null).body();
        assertEquals(expected, p.get("received").asLong(), "every payment once, none twice");
        assertEquals(200, p.get("entries").asInt());
        assertEquals(expected, p.get("bySource").get(0).get("received").asLong());
    }

    @Test
    void aRetriedPostWithTheSameKey_countsOnce() {
        api.year(2025, 1_000_000L, Map.of());
        String donor = api.source("private_donor", "Karen Blixen");
        Map<String, Object> body =
                Map.of("kind", "payment", "sourceId", donor, "amount", 50_000, "currency", "DKK", "date", "2025-04-01");
        var first =
                api.call("POST", "/budget/years/2025/entries", body, Map.of("Idempotency-Key", "retry-payment-0001"));
        var again =
                api.call("POST", "/budget/years/2025/entries", body, Map.of("Idempotency-Key", "retry-payment-0001"));

        assertEquals(201, first.status());
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals(
                first.body().get("entries").get(0).get("key"),
                again.body().get("entries").get(0).get("key"));
        assertEquals(
                50_000,
                api.call("GET", "/budget/years/2025/progress", null)
                        .body()
                        .get("received")
                        .asLong());
    }

    @Test
    void corrections_areReversals_onceEach_andTheHistoryKeepsBoth() {
        api.year(2025, 1_000_000L, Map.of());
        String branch = api.source("red_cross_branch", "Røde Kors Esbjerg");
        String wrong = api.pay(2025, branch, 90_000, "2025-03-01");
        api.pay(2025, branch, 9_000, "2025-03-02");

        var reversal = api.entry(
                2025, "kind", "reversal", "reverses", wrong, "note", "Typed 900 kr. for 90 kr.", "date", "2025-03-05");
        assertEquals(201, reversal.status(), String.valueOf(reversal.body()));
        assertEquals(
                409,
                api.entry(2025, "kind", "reversal", "reverses", wrong, "note", "again")
                        .status(),
                "an entry is reversed once");
        assertEquals(
                "note", api.entry(2025, "kind", "reversal", "reverses", wrong).problemField());
        assertEquals(
                404,
                api.entry(2025, "kind", "reversal", "reverses", "2025-03-01#nothing", "note", "x")
                        .status());
        api.pay(2025, branch, 9_000, "2025-03-05", "note", "The right amount");

        String promised = BudgetApi.expect(
                        201,
                        api.entry(
                                2025,
                                "kind",
                                "pledge",
                                "sourceId",
                                branch,
                                "amount",
                                5_000,
                                "currency",
                                "DKK",
                                "date",
                                "2025-03-01",
                                "instalments",
                                List.of(Map.of("due", "2025-11-01", "amount", 5_000))))
                .body()
                .get("entries")
                .get(0)
                .get("key")
                .asText();
        assertEquals(
                201,
                api.entry(2025, "kind", "reversal", "reverses", promised, "note", "Promise withdrawn")
                        .status());
        assertEquals(
                "pledgeId",
                api.entry(
                                2025,
                                "kind",
                                "payment",
                                "sourceId",
                                branch,
                                "pledgeId",
                                promised.substring(2),
                                "amount",
                                5_000,
                                "currency",
                                "DKK",
                                "date",
                                "2025-03-06")
                        .problemField(),
                "a reversed pledge is settled by nothing");

        JsonNode p = api.call("GET", "/budget/years/2025/progress", null).body();
        assertEquals(18_000, p.get("received").asLong());
        assertEquals(0, p.get("pledged").asLong(), "the withdrawn pledge drops out with its reversal");
        assertEquals(6, p.get("entries").asInt(), "the wrong entries and their reversals stay in the ledger");
        var ledger = api.call("GET", "/budget/years/2025/entries", null).body().get("items");
        assertEquals(6, ledger.size());
        assertEquals("reversal", ledger.get(4).get("kind").asText());
        assertEquals(
                wrong, ledger.get(4).get("reverses").asText(), "key order: dated entries, pledges, then reversals");
    }

    @Test
    void pledgeInstalments_settledByPayments_neverOverSettled_andAReversedPaymentReopensThem() {
        api.year(2025, 10_000_000L, Map.of());
        api.year(2026, 10_000_000L, Map.of());
        String foundation = api.source("foundation", "Novo Nordisk Fonden");
        String other = api.source("foundation", "Augustinus Fonden");
        var pledge = api.entry(
                2025,
                "kind",
                "pledge",
                "sourceId",
                foundation,
                "amount",
                3_000_000L,
                "currency",
                "DKK",
                "purpose",
                "Dental care",
                "date",
                "2025-02-01",
                "instalments",
                List.of(
                        Map.of("due", "2025-06-01", "amount", 1_000_000L),
                        Map.of("due", "2025-12-01", "amount", 1_000_000L),
                        Map.of("due", "2026-06-01", "amount", 1_000_000L)));
        assertEquals(2, pledge.body().get("entries").size(), "a part in 2025 and one in 2026");
        String pledgeId = pledge.body().get("entries").get(0).get("pledgeId").asText();

        String paid = api.pay(2025, foundation, 1_500_000L, "2025-06-03", "pledgeId", pledgeId);
        assertEquals(
                "amount",
                api.entry(
                                2025,
                                "kind",
                                "payment",
                                "sourceId",
                                foundation,
                                "pledgeId",
                                pledgeId,
                                "amount",
                                500_001L,
                                "currency",
                                "DKK",
                                "date",
                                "2025-07-01")
                        .problemField(),
                "more than is left of 2025's instalments");
        assertEquals(
                "pledgeId",
                api.entry(
                                2025,
                                "kind",
                                "payment",
                                "sourceId",
                                other,
                                "pledgeId",
                                pledgeId,
                                "amount",
                                1L,
                                "currency",
                                "DKK",
                                "date",
                                "2025-07-01")
                        .problemField(),
                "another source's pledge");
        assertEquals(
                409,
                api.entry(2025, "kind", "reversal", "reverses", "P#" + pledgeId, "note", "x")
                        .status(),
                "a pledge with payments is not reversed before them");

        JsonNode p = api.call("GET", "/budget/years/2025/progress", null).body();
        assertEquals(2_000_000L, p.get("pledged").asLong(), "2025's instalments");
        assertEquals(500_000L, p.get("outstandingPledges").asLong());
        assertEquals(
                List.of("dental care", "1500000", "0", "1500000"), purpose(p, 0), "restricted money keeps its purpose");
        assertEquals(
                1_000_000L,
                api.call("GET", "/budget/years/2026/progress", null)
                        .body()
                        .get("pledged")
                        .asLong());

        api.entry(2025, "kind", "reversal", "reverses", paid, "note", "Bank returned it", "date", "2025-06-10");
        JsonNode after = api.call("GET", "/budget/years/2025/progress", null).body();
        assertEquals(0, after.get("received").asLong());
        assertEquals(2_000_000L, after.get("outstandingPledges").asLong());
        assertEquals(
                1, after.get("overdueInstalments").size(), "June's instalment is unpaid again; December's is not due");
    }

    @Test
    void twentyPaymentsAtOnceOnOnePledge_settleExactlyWhatItPromised_andNoMore() throws Exception {
        api.year(2025, 10_000_000L, Map.of());
        String oak = api.source("foundation", "OAK Foundation");
        String pledgeId = BudgetApi.expect(
                        201,
                        api.entry(
                                2025,
                                "kind",
                                "pledge",
                                "sourceId",
                                oak,
                                "amount",
                                1_000_000L,
                                "currency",
                                "DKK",
                                "date",
                                "2025-01-15",
                                "instalments",
                                List.of(Map.of("due", "2025-06-01", "amount", 1_000_000L))))
                .body()
                .get("entries")
                .get(0)
                .get("pledgeId")
                .asText();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<CompletableFuture<FunctionTestbed.Response>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                calls.add(CompletableFuture.supplyAsync(
                        () -> RouteChecks.whenStarted(
                                start,
                                () -> api.entry(
                                        2025,
                                        "kind",
                                        "payment",
                                        "sourceId",
                                        oak,
                                        "pledgeId",
                                        pledgeId,
                                        "amount",
                                        100_000L,
                                        "currency",
                                        "DKK",
                                        "date",
                                        "2025-06-02")),
                        pool));
            }
            start.countDown();
            for (var call : calls) {
                statuses.add(call.get().status());
            }
        } finally {
            pool.shutdownNow();
        }
        // the refused ones are told what is left (422), or, after eight lost races in a row, to retry (409)
        long accepted = statuses.stream().filter(status -> status == 201).count();
        assertTrue(
                statuses.stream().allMatch(status -> status == 201 || status == 422 || status == 409),
                String.valueOf(statuses));
        assertTrue(accepted <= 10 && statuses.contains(422), String.valueOf(statuses));

        JsonNode p = api.call("GET", "/budget/years/2025/progress", null).body();
        assertEquals(
                accepted * 100_000L,
                p.get("received").asLong(),
                "every accepted payment once, and no more than the pledge");
        assertEquals(
                1_000_000L - accepted * 100_000L, p.get("outstandingPledges").asLong());
        assertEquals(1 + accepted, p.get("entries").asInt());
    }

    @Test
    void paymentsInAnotherCurrency_countWhatTheBankBooked_andExpensesDrawOnTheirPurpose() {
        api.year(2025, 10_000_000L, Map.of("medicine", 500_000L));
        String company = api.source("company", "Nordic Pharma AB");
        api.pay(
                2025,
                company,
                697_500L,
                "2025-04-01",
                "originalAmount",
                1_000_000L,
                "originalCurrency",
                "SEK",
                "purpose",
                "HIV tests");
        assertEquals(
                201,
                api.entry(
                                2025,
                                "kind",
                                "expense",
                                "category",
                                "laboratory",
                                "amount",
                                200_000L,
                                "currency",
                                "DKK",
                                "purpose",
                                "HIV tests",
                                "date",
                                "2025-04-20")
                        .status());
        assertEquals(
                422,
                api.entry(2025, "kind", "payment", "sourceId", company, "amount", 1_000L, "currency", "SEK")
                        .status(),
                "amounts are in the budget currency; the original goes beside it");

        JsonNode p = api.call("GET", "/budget/years/2025/progress", null).body();
        assertEquals(697_500L, p.get("received").asLong());
        assertEquals(List.of("hiv tests", "697500", "200000", "497500"), purpose(p, 0));
        assertEquals(0, p.get("unrestricted").get("received").asLong());
        JsonNode entry = api.call("GET", "/budget/years/2025/entries", null)
                .body()
                .get("items")
                .get(0);
        assertEquals(1_000_000L, entry.get("originalAmount").asLong());
        assertEquals("SEK", entry.get("originalCurrency").asText());
    }

    @Test
    void anAnonymousDonor_andADonorErasedOnRequest_leaveTheFiguresAsTheyWere() {
        api.year(2025, 1_000_000L, Map.of());
        String anonymous = api.source("private_donor", null);
        var named = new java.util.LinkedHashMap<String, Object>(Map.of(
                "type", "private_donor", "name", "Søren Kierkegaard", "contact", "soren@example.dk, +45 12 34 56 78"));
        String donor = BudgetApi.expect(201, api.call("POST", "/budget/sources", named))
                .body()
                .get("id")
                .asText();
        api.pay(2025, anonymous, 25_000, "2025-05-01");
        api.pay(2025, donor, 75_000, "2025-05-02");
        assertEquals(
                "name",
                api.call("POST", "/budget/sources", Map.of("type", "private_donor", "anonymous", true, "name", "x"))
                        .problemField());
        JsonNode before = api.call("GET", "/budget/years/2025/progress", null).body();
        assertTrue(before.toString().contains("Søren Kierkegaard"));
        assertTrue(before.toString().contains("\"source\":\"anonymous\""));

        assertEquals(204, api.call("DELETE", "/budget/sources/" + donor, null).status());
        assertEquals(
                204, api.call("DELETE", "/budget/sources/" + donor, null).status(), "erasing twice changes nothing");

        JsonNode after = api.call("GET", "/budget/years/2025/progress", null).body();
        assertEquals(before.get("received"), after.get("received"));
        assertEquals(before.get("bySourceType"), after.get("bySourceType"));
        assertFalse(after.toString().contains("Kierkegaard"));
        assertTrue(after.toString().contains("\"source\":\"erased\""));
        String stored = api.testbed
                .raw
                .scan(s -> s.tableName(api.tables.get("BudgetTable")))
                .items()
                .toString();
        assertFalse(stored.contains("Kierkegaard") || stored.contains("example.dk"), "neither readable nor kept");
        JsonNode sources = api.call("GET", "/budget/sources", null).body().get("items");
        sources.forEach(s -> assertFalse(s.toString().contains("Kierkegaard")));
    }

    @Test
    void onlyFinanceAndAdmins_useTheBudget() {
        api.year(2025, 1_000_000L, Map.of());
        for (String role : List.of("clinician", "coordinator")) {
            assertEquals(
                    403,
                    api.testbed
                            .call("GET", "/budget/years/2025/progress", role, null)
                            .status(),
                    role);
            assertEquals(
                    403,
                    api.testbed
                            .call("POST", "/budget/sources", role, Map.of("type", "company", "name", "x"))
                            .status(),
                    role);
        }
        assertEquals(
                200,
                api.testbed
                        .call("GET", "/budget/years/2025/progress", "admin", null)
                        .status());
        assertEquals(
                409,
                api.call("POST", "/budget/years", Map.of("year", 2025, "need", 5, "currency", "DKK"))
                        .status(),
                "set up once");
        assertEquals(
                "currency",
                api.call("POST", "/budget/years", Map.of("year", 2024, "need", 5, "currency", "NOK"))
                        .problemField());
        assertEquals(404, api.call("GET", "/budget/years/2024/progress", null).status());
        assertEquals(
                404,
                api.entry(
                                2024,
                                "kind",
                                "expense",
                                "category",
                                "rent",
                                "amount",
                                1,
                                "currency",
                                "DKK",
                                "date",
                                "2024-05-01")
                        .status());
    }

    @Test
    void everyRoute_makesTheDynamoDbCallsOfItsProfile() {
        api.year(2025, 1_000_000L, Map.of());
        String source = api.source("municipality", "Københavns Kommune");
        String key = api.pay(2025, source, 1_000, "2025-02-01");

        RouteChecks.assertCalls(
                api.testbed,
                "POST /budget/years",
                () -> api.call("POST", "/budget/years", Map.of("year", 2026, "need", 5, "currency", "DKK")));
        RouteChecks.assertCalls(api.testbed, "POST /budget/sources", () -> api.source("other", "Lotteriet"));
        RouteChecks.assertCalls(api.testbed, "GET /budget/sources", () -> api.call("GET", "/budget/sources", null));
        RouteChecks.assertCalls(
                api.testbed, "POST /budget/years/{year}/entries", () -> api.pay(2025, source, 5, "2025-02-02"));
        RouteChecks.assertCalls(
                api.testbed,
                "GET /budget/years/{year}/entries",
                () -> api.call("GET", "/budget/years/2025/entries", null));
        RouteChecks.assertCalls(
                api.testbed,
                "GET /budget/years/{year}/progress",
                () -> api.call("GET", "/budget/years/2025/progress", null));
        RouteChecks.assertCalls(
                api.testbed, "GET /budget/years/{year}/chart", () -> api.call("GET", "/budget/years/2025/chart", null));
        RouteChecks.assertCalls(
                api.testbed,
                "GET /budget/years/{year}/export",
                () -> api.call("GET", "/budget/years/2025/export", null));
        RouteChecks.assertCalls(
                api.testbed,
                "DELETE /budget/sources/{sourceId}",
                () -> api.call("DELETE", "/budget/sources/" + source, null));
        assertTrue(key.startsWith("2025-02-01#"));
    }

    private static List<String> purpose(JsonNode progress, int index) {
        JsonNode p = progress.get("restricted").get(index);
        return List.of(
                p.get("purpose").asText(),
                p.get("received").asText(),
                p.get("spent").asText(),
                p.get("balance").asText());
    }
}
