package dk.fristed.budget;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The funding chart read back as XML, and the ledger export read back as a spreadsheet would: every number matches. */
class BudgetChartAndExportIT {
    private final BudgetApi api = new BudgetApi();
    private String branch;
    private String oak;

    private void seed() {
        api.year(2025, 338_037_500L, Map.of("medicine", 60_000_000L));
        branch = api.source("red_cross_branch", "Røde Kors Ærø & Møn");
        oak = api.source("foundation", "=HYPERLINK(\"http://evil.example\",\"OAK\")");
        String donor = api.source("private_donor", null);
        api.pay(2025, branch, 202_822_500L, "2025-02-10");
        String pledge = api.entry(
                        2025,
                        "kind",
                        "pledge",
                        "sourceId",
                        oak,
                        "amount",
                        135_215_000L,
                        "currency",
                        "DKK",
                        "date",
                        "2025-01-15",
                        "instalments",
                        List.of(
                                Map.of("due", "2025-03-01", "amount", 67_607_500L),
                                Map.of("due", "2025-10-01", "amount", 67_607_500L)))
                .body()
                .get("entries")
                .get(0)
                .get("pledgeId")
                .asText();
        api.pay(2025, oak, 67_607_500L, "2025-03-02", "pledgeId", pledge);
        api.pay(2025, donor, 12_345L, "2025-04-01", "note", "-1 kr. fee, @bank");
        api.entry(
                2025,
                "kind",
                "expense",
                "category",
                "medicine",
                "amount",
                1_999_999L,
                "currency",
                "DKK",
                "date",
                "2025-04-02",
                "note",
                "Insulin og æbler");
    }

    @Test
    void theChart_isWellFormedAccessibleSvg_whoseBarsAreTheProgressFigures() throws Exception {
        seed();
        JsonNode progress = api.call("GET", "/budget/years/2025/progress", null).body();

        var chart = api.call("GET", "/budget/years/2025/chart", null);

        assertEquals(200, chart.status());
        assertTrue(chart.header("Content-Type").startsWith("image/svg+xml"));
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document svg = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(chart.text().getBytes(StandardCharsets.UTF_8)));
        Element root = svg.getDocumentElement();
        assertEquals("svg", root.getLocalName());
        assertEquals("img", root.getAttribute("role"));
        String title = text(svg, "title");
        assertTrue(
                title.contains(progress.get("percentFunded").asText() + " %")
                        && title.contains(progress.get("percentSecured").asText()),
                title);
        String description = text(svg, "desc");
        assertTrue(
                description.contains("Need 3,380,375.00 DKK") && description.contains("Received 2,704,423.45 DKK"),
                description);
        assertFalse(
                chart.text().contains("<script")
                        || chart.text().contains("@import")
                        || chart.text().contains("href"),
                "no scripts, no external fonts or images");

        Map<String, Long> drawn = new HashMap<>();
        NodeList rects = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "rect");
        for (int i = 0; i < rects.getLength(); i++) {
            Element rect = (Element) rects.item(i);
            if (rect.hasAttribute("data-amount")) {
                drawn.merge(
                        rect.getAttribute("data-series") + ":" + rect.getAttribute("data-type"),
                        Long.parseLong(rect.getAttribute("data-amount")),
                        Long::sum);
            }
        }
        Map<String, Long> expected = new HashMap<>();
        expected.put("need:need", progress.get("need").asLong());
        progress.get("bySourceType").forEach(t -> {
            expected.put("received:" + t.get("type").asText(), t.get("received").asLong());
            expected.put(
                    "outstanding:" + t.get("type").asText(),
                    t.get("outstandingPledges").asLong());
        });
        assertEquals(expected, drawn);
        assertEquals(
                progress.get("received").asLong(),
                drawn.entrySet().stream()
                        .filter(e -> e.getKey().startsWith("received:"))
                        .mapToLong(Map.Entry::getValue)
                        .sum());
    }

    @Test
    void theExport_opensInASpreadsheet_everyAmountExact_lettersIntact_formulasAsText() throws Exception {
        seed();
        JsonNode ledger =
                api.call("GET", "/budget/years/2025/entries", null).body().get("items");

        var export = api.call("GET", "/budget/years/2025/export", null);

        assertEquals(200, export.status());
        assertTrue(export.text().startsWith("\uFEFF"));
        List<CSVRecord> rows = spreadsheet(export.text(), ',');
        assertEquals(ledger.size(), rows.size());
        Map<String, CSVRecord> byKey = new HashMap<>();
        rows.forEach(r -> byKey.put(r.get("entry"), r));
        for (JsonNode entry : ledger) {
            CSVRecord row = byKey.get(entry.get("key").asText());
            assertEquals(
                    BigDecimal.valueOf(entry.get("amount").asLong(), 2),
                    new BigDecimal(row.get("amount")),
                    entry.toString());
            assertEquals(entry.get("date").asText(), row.get("date"));
            assertEquals("DKK", row.get("currency"));
        }
        List<String> dates = rows.stream().map(r -> r.get("date")).toList();
        assertEquals(dates.stream().sorted().toList(), dates, "by date");
        assertTrue(rows.stream().anyMatch(r -> r.get("source").equals("Røde Kors Ærø & Møn")), "æ, ø and å intact");
        assertTrue(
                rows.stream().anyMatch(r -> r.get("source").equals("'=HYPERLINK(\"http://evil.example\",\"OAK\")")),
                "a formula stays text");
        assertTrue(rows.stream().anyMatch(r -> r.get("note").equals("'-1 kr. fee, @bank")));
        assertTrue(rows.stream().anyMatch(r -> r.get("source").equals("anonymous")));
        assertTrue(
                rows.stream().anyMatch(r -> r.get("instalments").equals("2025-03-01 676075.00; 2025-10-01 676075.00")));
    }

    /** The seed and two mistakes put right by reversals: a payment typed ten times too large, an expense entered twice. */
    private String[] seedWithReversals() {
        seed();
        String typo = api.pay(2025, branch, 90_000L, "2025-05-01");
        BudgetApi.expect(
                201,
                api.entry(
                        2025,
                        "kind",
                        "reversal",
                        "reverses",
                        typo,
                        "note",
                        "Typed 900 kr. for 90 kr.",
                        "date",
                        "2025-05-02"));
        String spentTwice = BudgetApi.expect(
                        201,
                        api.entry(
                                2025,
                                "kind",
                                "expense",
                                "category",
                                "medicine",
                                "amount",
                                50_000L,
                                "currency",
                                "DKK",
                                "date",
                                "2025-05-03"))
                .body()
                .get("entries")
                .get(0)
                .get("key")
                .asText();
        BudgetApi.expect(
                201,
                api.entry(
                        2025,
                        "kind",
                        "reversal",
                        "reverses",
                        spentTwice,
                        "note",
                        "Entered twice",
                        "date",
                        "2025-05-04"));
        return new String[] {typo, spentTwice};
    }

    @Test
    void theExportsNetColumn_sumsToWhatCameInLessWhatWasSpent_aReversalUndoingItsEntry() throws Exception {
        String[] mistakes = seedWithReversals();
        String typo = mistakes[0];
        String spentTwice = mistakes[1];
        JsonNode progress = api.call("GET", "/budget/years/2025/progress", null).body();

        Map<String, CSVRecord> rows = new HashMap<>();
        BigDecimal net = BigDecimal.ZERO;
        for (CSVRecord row :
                spreadsheet(api.call("GET", "/budget/years/2025/export", null).text(), ',')) {
            rows.put(row.get("entry"), row);
            net = net.add(new BigDecimal(row.get("net")));
        }
        assertEquals(netOfTheYear(progress), net, "the column sums to what came in less what was spent");
        assertEquals(
                new BigDecimal("-900.00"),
                new BigDecimal(rows.get("R#" + typo).get("net")),
                "a reversed payment takes it away");
        assertEquals(
                new BigDecimal("500.00"),
                new BigDecimal(rows.get("R#" + spentTwice).get("net")),
                "a reversed expense gives it back");
        assertEquals(
                new BigDecimal("900.00"),
                new BigDecimal(rows.get("R#" + typo).get("amount")),
                "amount: what the entry named");
    }

    @Test
    void inDanish_theExportOpensAsColumnsWithDecimalCommas_andItsNetColumnSumsToTheYearsNetFigure() throws Exception {
        String typo = seedWithReversals()[0];
        JsonNode progress = api.call("GET", "/budget/years/2025/progress", null).body();
        var byParameter = api.call("GET", "/budget/years/2025/export?locale=da", null);
        var byHeader = api.call(
                "GET", "/budget/years/2025/export", null, Map.of("Accept-Language", "fr-FR, da;q=0.8, en;q=0.5"));
        assertEquals(byParameter.text(), byHeader.text(), "Accept-Language chooses when locale= is not given");

        DecimalFormat danish = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(new Locale("da", "DK")));
        danish.setParseBigDecimal(true);
        BigDecimal net = BigDecimal.ZERO;
        Map<String, CSVRecord> rows = new HashMap<>();
        for (CSVRecord row : spreadsheet(byParameter.text(), ';')) {
            rows.put(row.get("Post"), row);
            net = net.add((BigDecimal) danish.parse(row.get("Netto")));
        }
        assertEquals(
                netOfTheYear(progress),
                net,
                "read as Danish Excel reads it, the column sums to what came in less what was spent");
        assertEquals("-900,00", rows.get("R#" + typo).get("Netto"));
        assertEquals("900,00", rows.get("R#" + typo).get("Beløb"));
        assertTrue(rows.values().stream().anyMatch(r -> r.get("Kilde").equals("Røde Kors Ærø & Møn")));
        assertTrue(rows.values().stream()
                .anyMatch(r -> r.get("Rater").equals("2025-03-01 676075,00; 2025-10-01 676075,00")));
    }

    @Test
    void inNorwegian_theChartSpeaksNorwegian_withNorwegianNumbers() throws Exception {
        seed();
        var chart = api.call("GET", "/budget/years/2025/chart", null, Map.of("Accept-Language", "nb-NO,nb;q=0.9"));
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document svg = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(chart.text().getBytes(StandardCharsets.UTF_8)));
        String description = text(svg, "desc");
        assertTrue(
                description.startsWith("Behov 3\u00A0380\u00A0375,00 DKK. Mottatt 2\u00A0704\u00A0423,45 DKK."),
                description);
        assertTrue(text(svg, "title").startsWith("Finansiering 2025: "), text(svg, "title"));
        assertTrue(chart.text().contains("Røde Kors-avdeling: mottatt 2\u00A0028\u00A0225,00 DKK"), chart.text());
    }

    @Test
    void anUnknownLocale_isRefusedNamingIt() {
        for (String path : List.of("/budget/years/2025/export?locale=de", "/budget/years/2025/chart?locale=da-DK")) {
            var response = api.call("GET", path, null);
            assertEquals(400, response.status(), path);
            assertEquals("locale", response.problemField());
        }
    }

    @Test
    void aReversalOfAnEndedYearsEntry_isDatedInThatYear_unlessToldOtherwise() {
        // today is 15 September 2025 in BudgetApi
        api.year(2024, 100_000_00L, Map.of());
        String branch2024 = api.source("red_cross_branch", "Aalborg branch");
        String first = api.pay(2024, branch2024, 10_000L, "2024-11-20");
        String second = api.pay(2024, branch2024, 20_000L, "2024-11-21");
        var undated = BudgetApi.expect(201, api.entry(2024, "kind", "reversal", "reverses", first, "note", "Returned"));
        assertEquals(
                "2024-12-31",
                undated.body().get("entries").get(0).get("date").asText(),
                "in the year of what it reverses");
        var dated = BudgetApi.expect(
                201, api.entry(2024, "kind", "reversal", "reverses", second, "note", "Returned", "date", "2025-01-10"));
        assertEquals(
                "2025-01-10", dated.body().get("entries").get(0).get("date").asText(), "as told");
    }

    /** A CSV as a spreadsheet reads it: past the byte-order mark, the first row naming the columns. */
    private static List<CSVRecord> spreadsheet(String csv, char delimiter) throws java.io.IOException {
        return CSVFormat.RFC4180
                .builder()
                .setDelimiter(delimiter)
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(csv.substring(1)))
                .getRecords();
    }

    /** What came in less what was spent, in major units: what a ledger's net column must sum to. */
    private static BigDecimal netOfTheYear(JsonNode progress) {
        return BigDecimal.valueOf(
                progress.get("received").asLong() - progress.get("spent").asLong(), 2);
    }

    private static String text(Document svg, String element) {
        return svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", element)
                .item(0)
                .getTextContent();
    }
}
