package dk.fristed.budget;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The Danish clinics' 2025 budget through the API: a need of 3,380,375 kr., 60 % from Red Cross local
 * branches (several, each its share: 2,028,225 kr.) and 40 % from the OAK Foundation (1,352,150 kr.,
 * a pledge paid in four instalments, two of them paid by mid-September, one overdue), and some
 * expenses against the plan. Every figure of the progress is checked.
 */
class DanishBudget2025IT {
    private final BudgetApi api = new BudgetApi();

    @Test
    void theYearsProgress_everyFigureExactToTheOre() {
        api.year(2025, 338_037_500L, Map.of("medicine", 60_000_000L, "rent", 48_000_000L, "laboratory", 20_000_000L));
        long[] branches = {61_000_000L, 48_500_000L, 37_322_500L, 30_000_000L, 26_000_000L}; // 2,028,225.00 kr. in all
        String[] names = {
            "Røde Kors København",
            "Røde Kors Aarhus",
            "Røde Kors Odense",
            "Røde Kors Aalborg",
            "Røde Kors Frederiksberg"
        };
        for (int i = 0; i < branches.length; i++) {
            api.pay(2025, api.source("red_cross_branch", names[i]), branches[i], "2025-0" + (i + 2) + "-10");
        }
        String oak = api.source("foundation", "OAK Foundation");
        String pledge = BudgetApi.expect(
                        201,
                        api.entry(
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
                                        Map.of("due", "2025-03-01", "amount", 33_803_750L),
                                                Map.of("due", "2025-06-01", "amount", 33_803_750L),
                                        Map.of("due", "2025-09-01", "amount", 33_803_750L),
                                                Map.of("due", "2025-12-01", "amount", 33_803_750L))))
                .body()
                .get("entries")
                .get(0)
                .get("pledgeId")
                .asText();
        api.pay(2025, oak, 33_803_750L, "2025-03-03", "pledgeId", pledge);
        api.pay(2025, oak, 33_803_750L, "2025-06-02", "pledgeId", pledge);
        api.entry(
                2025,
                "kind",
                "expense",
                "category",
                "medicine",
                "amount",
                21_450_000L,
                "currency",
                "DKK",
                "date",
                "2025-04-30");
        api.entry(
                2025,
                "kind",
                "expense",
                "category",
                "rent",
                "amount",
                32_000_000L,
                "currency",
                "DKK",
                "date",
                "2025-08-31");
        api.entry(
                2025,
                "kind",
                "expense",
                "category",
                "it",
                "amount",
                1_250_050L,
                "currency",
                "DKK",
                "date",
                "2025-05-12");

        JsonNode p = api.call("GET", "/budget/years/2025/progress", null).body();

        assertEquals("DKK", p.get("currency").asText());
        assertEquals(338_037_500L, p.get("need").asLong(), "3,380,375.00 kr.");
        assertEquals(270_430_000L, p.get("received").asLong(), "the branches' 2,028,225.00 and two OAK instalments");
        assertEquals(135_215_000L, p.get("pledged").asLong());
        assertEquals(67_607_500L, p.get("outstandingPledges").asLong(), "two OAK instalments to come");
        assertEquals(0, p.get("gap").asLong(), "60 % and 40 %: the need is secured");
        assertEquals("80.00", p.get("percentFunded").asText());
        assertEquals("100.00", p.get("percentSecured").asText());
        assertEquals("half-up to 2 decimals", p.get("rounding").asText());
        assertEquals(
                Map.of("red_cross_branch", List.of(202_822_500L, 0L), "foundation", List.of(67_607_500L, 67_607_500L)),
                byType(p));
        assertEquals(6, p.get("bySource").size());
        JsonNode oakLine = find(p.get("bySource"), "sourceId", oak);
        assertEquals("OAK Foundation", oakLine.get("source").asText());
        assertEquals(135_215_000L, oakLine.get("pledged").asLong());
        assertEquals(67_607_500L, oakLine.get("received").asLong());
        assertEquals(
                61_000_000L,
                find(p.get("bySource"), "source", "Røde Kors København")
                        .get("received")
                        .asLong());
        assertEquals(270_430_000L, p.get("unrestricted").get("received").asLong());
        assertEquals(54_700_050L, p.get("spent").asLong());
        assertEquals(215_729_950L, p.get("unrestricted").get("balance").asLong());
        JsonNode medicine = find(p.get("spending"), "category", "medicine");
        assertEquals(
                List.of(60_000_000L, 21_450_000L, 38_550_000L),
                List.of(
                        medicine.get("planned").asLong(),
                        medicine.get("spent").asLong(),
                        medicine.get("remaining").asLong()));
        JsonNode it = find(p.get("spending"), "category", "it");
        assertEquals(
                List.of(0L, 1_250_050L, -1_250_050L),
                List.of(
                        it.get("planned").asLong(),
                        it.get("spent").asLong(),
                        it.get("remaining").asLong()),
                "spent without a plan shows as over plan");
        assertEquals(1, p.get("overdueInstalments").size(), "September's instalment; December's is not due yet");
        JsonNode overdue = p.get("overdueInstalments").get(0);
        assertEquals("2025-09-01", overdue.get("due").asText());
        assertEquals(33_803_750L, overdue.get("unpaid").asLong());
        assertEquals(11, p.get("entries").asInt());
    }

    static Map<String, List<Long>> byType(JsonNode progress) {
        Map<String, List<Long>> types = new java.util.HashMap<>();
        progress.get("bySourceType")
                .forEach(t -> types.put(
                        t.get("type").asText(),
                        List.of(
                                t.get("received").asLong(),
                                t.get("outstandingPledges").asLong())));
        return types;
    }

    static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode item : array) {
            if (item.path(field).asText().equals(value)) {
                return item;
            }
        }
        throw new AssertionError("no " + field + " " + value + " in " + array);
    }
}
