package dk.fristed.reports;

import dk.fristed.devkit.CapturedOutput;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A small year made and reported on, every log line captured, with mistakes that quote values back: no
 * log line carries a help number, a patient's name, or a diagnosis code.
 */
class ReportLogsIT {
    @Test
    void aYearReported_logsNoPersonalValue() {
        ReportsApi api = new ReportsApi();
        List<String> helpNumbers = new ArrayList<>();
        String captured = CapturedOutput.during(() -> {
            ClinicYear year = ClinicYear.make(api, 8, 7);
            year.patients.forEach(p -> helpNumbers.add(p.helpNumber()));
            api.call("GET", "/reports/2024", "coordinator", null);
            api.call("GET", "/reports/2024?format=csv&version=publishable", "finance", null);
            api.call("GET", "/reports?from=2024-02-01&to=2024-02-29&site=" + helpNumbers.get(0), "coordinator", null);
            api.call("GET", "/reports/2024?version=" + helpNumbers.get(1), "coordinator", null);
            api.call("PUT", "/open-days/odense/2024-02-02", "coordinator", Map.of("kind", "Patient 3 L03"));
            api.call(
                    "PUT",
                    "/open-days/" + helpNumbers.get(2) + "/2024-02-02",
                    "coordinator",
                    Map.of("kind", "drop_in"));
        });
        String logs = captured + api.logs.toString(StandardCharsets.UTF_8);

        assertTrue(logs.contains("\"route\":\"GET /reports/{year}\""), "the scenario was logged");
        for (String helpNumber : helpNumbers) {
            assertFalse(
                    logs.contains(helpNumber) || logs.contains(helpNumber.replace("-", "")),
                    "a log line contains a help number");
        }
        for (String personal : List.of("Patient ", "L03", "L86", "P76")) {
            assertFalse(logs.contains(personal), "a log line contains " + personal.charAt(0) + "…");
        }
    }
}
