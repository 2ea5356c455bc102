package dk.fristed.invoices;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dk.fristed.invoices.InvoicesApi.action;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Totals of every outcome, per currency and never across; and the CSV export as a spreadsheet reads it. */
class InvoiceTotalsAndExportIT {
    private final InvoicesApi api = new InvoicesApi();
    private final String patient = api.registerPatient();

    private String invoice(String site, String received, long amount, String currency, String creditor) {
        var body = api.invoice(patient, site, received, amount, currency);
        body.put("creditor", creditor);
        return api.create(body);
    }

    @Test
    void totals_countEveryOutcome_andSumEachCurrencyOnItsOwn() {
        String full = invoice("copenhagen", "2025-01-06", 100_000, "DKK", "Rigshospitalet");
        api.walk(
                full,
                List.of(
                        action("request_credit", "channel", "letter", "date", "2025-01-06"),
                        action("credit_in_full", "date", "2025-01-16")));
        String partly = invoice("copenhagen", "2025-01-07", 80_000, "DKK", "Rigshospitalet");
        api.walk(
                partly,
                List.of(
                        action("request_credit", "channel", "letter", "date", "2025-01-07"),
                        action("credit_partly", "amount", 30_000, "currency", "DKK", "date", "2025-01-27"),
                        action("pay", "amount", 20_000, "currency", "DKK", "date", "2025-01-28")));
        String rejected = invoice("copenhagen", "2025-01-08", 55_055, "EUR", "Charité Berlin");
        api.walk(
                rejected,
                List.of(
                        action("request_credit", "channel", "email", "date", "2025-01-08"),
                        action("reject", "reason", "no_health_rights", "date", "2025-02-12")));
        String writtenOff = invoice("aarhus", "2025-01-09", 12_345, "EUR", "Charité Berlin");
        api.walk(writtenOff, List.of(action("write_off", "note", "The creditor dropped the claim")));
        invoice("aarhus", "2025-02-01", 250_000, "DKK", "Aarhus Universitetshospital"); // open, nothing decided
        invoice("aarhus", "2024-12-31", 999_999, "DKK", "Aarhus Universitetshospital"); // received before the period

        JsonNode all = api.call("GET", "/invoices/totals?from=2025-01-01&to=2025-12-31", "finance", null)
                .body();

        JsonNode counts = all.get("invoices");
        assertEquals(5, counts.get("received").asInt());
        assertEquals(1, counts.get("creditedInFull").asInt());
        assertEquals(1, counts.get("partlyCredited").asInt());
        assertEquals(1, counts.get("rejected").asInt());
        assertEquals(1, counts.get("paidByClinic").asInt());
        assertEquals(1, counts.get("writtenOff").asInt());
        assertEquals(2, counts.get("open").asInt(), "the rejected one and the untouched one");
        assertEquals(
                Map.of(
                        "DKK",
                        List.of(430_000L, 130_000L, 20_000L, 0L, 280_000L),
                        "EUR",
                        List.of(67_400L, 0L, 0L, 12_345L, 55_055L)),
                amounts(all),
                "invoiced, credited, paid, written off, outstanding");
        assertEquals(2, all.get("amounts").get(0).get("fractionDigits").asInt());
        JsonNode days = all.get("daysToDecision");
        assertEquals(3, days.get("decided").asInt(), "10, 20 and 35 days");
        assertEquals(20, days.get("median").asInt());
        assertEquals(35, days.get("p90").asInt());
        assertEquals("nearest-rank", days.get("method").asText());

        JsonNode aarhus = api.call(
                        "GET", "/invoices/totals?from=2025-01-01&to=2025-12-31&site=aarhus", "coordinator", null)
                .body();
        assertEquals(2, aarhus.get("invoices").get("received").asInt());
        assertEquals("aarhus", aarhus.get("site").asText());
        JsonNode empty = api.call("GET", "/invoices/totals?from=2023-01-01&to=2023-12-31", "finance", null)
                .body();
        assertEquals(0, empty.get("daysToDecision").get("decided").asInt());
        assertFalse(empty.get("daysToDecision").has("median"));
    }

    @Test
    void export_opensInASpreadsheet_everyAmountExact_lettersIntact_formulasAsText() throws Exception {
        String plain = invoice("copenhagen", "2025-01-06", 131_245_050, "NOK", "Sørlandet sykehus, Ålesund Æ");
        api.walk(
                plain,
                List.of(
                        action("request_credit", "channel", "letter"),
                        action("credit_partly", "amount", 5, "currency", "NOK")));
        String formula = invoice(
                "copenhagen", "2025-01-07", 1_999, "EUR", "=HYPERLINK(\"http://evil.example\",\"Rigshospitalet\")");
        String minus = invoice("copenhagen", "2025-01-08", 100, "SEK", "-Karolinska");
        Map<String, Long[]> expected = Map.of(
                plain,
                new Long[] {131_245_050L, 5L, 0L, 131_245_045L},
                formula,
                new Long[] {1_999L, 0L, 0L, 1_999L},
                minus,
                new Long[] {100L, 0L, 0L, 100L});

        var export =
                api.call("GET", "/invoices/export?from=2025-01-01&to=2025-01-31&site=copenhagen", "coordinator", null);

        assertEquals(200, export.status());
        assertTrue(export.header("Content-Type").startsWith("text/csv"));
        assertEquals(
                "attachment; filename=\"invoices-copenhagen-2025-01-01-2025-01-31.csv\"",
                export.header("Content-Disposition"));
        assertTrue(export.text().startsWith("\uFEFF"), "a byte-order mark: Excel reads the file as UTF-8");
        List<CSVRecord> rows = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(export.text().substring(1)))
                .getRecords();
        assertEquals(3, rows.size());
        Map<String, CSVRecord> byId = new HashMap<>();
        rows.forEach(r -> byId.put(r.get("invoice_id"), r));
        for (var invoice : expected.entrySet()) {
            CSVRecord row = byId.get(invoice.getKey());
            String currency = row.get("currency");
            int digits = java.util.Currency.getInstance(currency).getDefaultFractionDigits();
            String[] columns = {"amount", "credited", "paid", "outstanding"};
            for (int c = 0; c < columns.length; c++) {
                assertEquals(
                        BigDecimal.valueOf(invoice.getValue()[c], digits),
                        new BigDecimal(row.get(columns[c])),
                        columns[c]);
            }
            assertEquals(patient, row.get("help_number"));
        }
        assertEquals("1312450.50", byId.get(plain).get("amount"));
        assertEquals("Sørlandet sykehus, Ålesund Æ", byId.get(plain).get("creditor"));
        assertEquals("partly_credited", byId.get(plain).get("state"));
        assertEquals(
                "'=HYPERLINK(\"http://evil.example\",\"Rigshospitalet\")",
                byId.get(formula).get("creditor"),
                "stays text");
        assertEquals("'-Karolinska", byId.get(minus).get("creditor"));
        assertEquals("2025-01-07", byId.get(formula).get("received_on"));
        assertFalse(export.text().contains("INV-"), "invoice numbers stay out of the spreadsheet");

        // for the Oslo centre's finance volunteers: Norwegian headers, semicolons, decimal commas
        var norwegian = api.call(
                "GET", "/invoices/export?from=2025-01-01&to=2025-01-31&site=copenhagen&locale=nb", "coordinator", null);
        Map<String, CSVRecord> inNorwegian = new HashMap<>();
        CSVFormat.RFC4180
                .builder()
                .setDelimiter(';')
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(norwegian.text().substring(1)))
                .forEach(r -> inNorwegian.put(r.get("Faktura-id"), r));
        assertEquals("1312450,50", inNorwegian.get(plain).get("Beløp"));
        assertEquals("1312450,45", inNorwegian.get(plain).get("Utestående"));
        assertEquals("Sørlandet sykehus, Ålesund Æ", inNorwegian.get(plain).get("Kreditor"));
        assertEquals(patient, inNorwegian.get(plain).get("Hjelpenummer"));
    }

    private static Map<String, List<Long>> amounts(JsonNode totals) {
        Map<String, List<Long>> byCurrency = new HashMap<>();
        totals.get("amounts")
                .forEach(a -> byCurrency.put(
                        a.get("currency").asText(),
                        List.of(
                                a.get("invoiced").asLong(),
                                a.get("credited").asLong(),
                                a.get("paid").asLong(),
                                a.get("writtenOff").asLong(),
                                a.get("outstanding").asLong())));
        return byCurrency;
    }
}
