package dk.fristed.budget;

import dk.fristed.devkit.CapturedOutput;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A donor's whole story, every log line captured: no log carries a donor's name, contact or a note. */
class BudgetLogsIT {
    @Test
    void donorScenario_logsNoPersonalValue() {
        BudgetApi api = new BudgetApi();
        String captured = CapturedOutput.during(() -> {
            api.year(2025, 1_000_000, Map.of());
            String donor = BudgetApi.expect(
                            201,
                            api.call(
                                    "POST",
                                    "/budget/sources",
                                    Map.of(
                                            "type",
                                            "private_donor",
                                            "name",
                                            "Ingrid Margrethe Holm",
                                            "contact",
                                            "ingrid.holm@example.dk"),
                                    Map.of("Idempotency-Key", "log-donor-0001")))
                    .body()
                    .get("id")
                    .asText();
            api.call(
                    "POST",
                    "/budget/sources",
                    Map.of("type", "private_donor", "name", "Ingrid Margrethe Holm"),
                    Map.of("Idempotency-Key", "log-donor-0001")); // the same key, another body: 422
            String paid = api.pay(2025, donor, 250_000, "2025-05-05", "note", "In memory of Holm's mother");
            api.entry(2025, "kind", "reversal", "reverses", paid, "note", "Ingrid asked for it back");
            api.entry(2025, "kind", "payment", "sourceId", donor, "amount", 5, "currency", "Ingrid");
            api.call("POST", "/budget/sources", "{\"Ingrid Margrethe Holm\":1}", Map.of());
            api.call("GET", "/budget/years/2025/progress", null);
            api.call("GET", "/budget/years/2025/export", null);
            api.call("GET", "/budget/sources", null);
            api.testbed.call("GET", "/budget/sources", "clinician", null);
            api.call("DELETE", "/budget/sources/" + donor, null);
        });
        String logs = captured + api.logs.toString(StandardCharsets.UTF_8);

        assertTrue(logs.contains("\"route\":\"POST /budget/years/{year}/entries\""), "the scenario was logged");
        for (String personal : List.of("Ingrid", "Margrethe", "Holm", "example.dk", "memory")) {
            assertFalse(logs.contains(personal), "a log line contains " + personal.charAt(0) + "…");
        }
    }
}
