package dk.fristed.invoices;

import com.fasterxml.jackson.databind.JsonNode;
import dk.fristed.site.Sites;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dk.fristed.invoices.InvoicesApi.action;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The Oslo centre's 2024 report: 363 patient invoices from the specialist health services credited,
 * 1,312,450.00 NOK in all. Registered, asked for and credited through the API, the totals route gives
 * exactly that back, to the øre.
 */
class OsloInvoiceFiguresIT {
    private static final int CREDITED = 363;
    private static final long TOTAL_ORE = 131_245_000L;

    @Test
    void theYearsCreditedInvoices_totalExactly1312450Kroner() throws Exception {
        InvoicesApi api = new InvoicesApi(Sites.parse("oslo"));
        List<String> patients = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            patients.add(api.registerPatient());
        }
        long[] amounts = new long[CREDITED];
        long sum = 0;
        for (int i = 0; i < CREDITED; i++) {
            // uneven amounts (from a few hundred kroner to several thousand), the last one making up the total
            amounts[i] = i == CREDITED - 1 ? TOTAL_ORE - sum : 50_000 + (i * 7_919L % 600_000) + (i % 100);
            sum += amounts[i];
        }
        // four coordinators at once, as on a busy day: the totals must not care
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int n = 0; n < CREDITED; n++) {
                int i = n;
                done.add(pool.submit(() -> {
                    LocalDate received = LocalDate.of(2024, 1, 2).plusDays(i % 360);
                    String id = api.create(api.invoice(
                            patients.get(i % patients.size()), "oslo", received.toString(), amounts[i], "NOK"));
                    api.walkCreated(
                            id,
                            List.of(
                                    action(
                                            "request_credit",
                                            "channel",
                                            i % 3 == 0 ? "portal" : "letter",
                                            "date",
                                            received.toString()),
                                    action(
                                            "credit_in_full",
                                            "date",
                                            received.plusDays(10 + i % 40).toString())));
                }));
            }
            for (Future<?> registered : done) {
                registered.get();
            }
        } finally {
            pool.shutdownNow();
        }

        JsonNode totals = api.call("GET", "/invoices/totals?from=2024-01-01&to=2024-12-31", "finance", null)
                .body();

        assertEquals(CREDITED, totals.get("invoices").get("received").asInt());
        assertEquals(CREDITED, totals.get("invoices").get("creditedInFull").asInt());
        assertEquals(0, totals.get("invoices").get("open").asInt());
        assertEquals(1, totals.get("amounts").size(), "one currency");
        JsonNode nok = totals.get("amounts").get(0);
        assertEquals("NOK", nok.get("currency").asText());
        assertEquals(TOTAL_ORE, nok.get("invoiced").asLong());
        assertEquals(TOTAL_ORE, nok.get("credited").asLong(), "1,312,450.00 NOK");
        assertEquals(0, nok.get("outstanding").asLong());
        assertEquals(CREDITED, totals.get("daysToDecision").get("decided").asInt());
        assertEquals(29, totals.get("daysToDecision").get("median").asInt());
        assertEquals(45, totals.get("daysToDecision").get("p90").asInt());
        assertFalse(totals.toString().contains(patients.get(0)), "no help numbers in the totals");
    }
}
