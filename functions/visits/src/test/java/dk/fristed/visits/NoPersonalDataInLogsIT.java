package dk.fristed.visits;

import dk.fristed.devkit.CapturedOutput;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dk.fristed.visits.VisitsApi.patient;
import static dk.fristed.visits.VisitsApi.visit;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A whole day at the clinic, every log line captured: none may carry a name, phone, help number or diagnosis. */
class NoPersonalDataInLogsIT {
    @Test
    void fullScenario_logsNoSeededPersonalValue() {
        VisitsApi api = new VisitsApi();
        var body = patient(1979, "female", "ET", "Selamawit Haile-Mariam");
        body.put("phone", "+45 31 41 59 26");
        var duplicateBody = patient(1979, "female", "ET", "Selam Hailemariam");
        duplicateBody.put("phone", "+45 27 18 28 18");
        String[] helpNumbers = new String[2];
        String captured = CapturedOutput.during(() -> {
            String helpNumber = api.call(
                            "POST", "/patients", "coordinator", body, Map.of("Idempotency-Key", "log-scenario-0001"))
                    .body()
                    .get("helpNumber")
                    .asText();
            helpNumbers[0] = helpNumber;
            api.call("POST", "/patients", "coordinator", body, Map.of("Idempotency-Key", "log-scenario-0001"));
            api.call("GET", "/patients?birthYear=1979&sex=female&nationality=ET&name=Selamawit", "coordinator", null);
            api.call(
                    "POST",
                    "/visits",
                    "clinician",
                    visit(helpNumber, "aarhus", "2025-05-05", "psychologist", "P76", "Z29"));
            api.call("GET", "/patients/" + helpNumber, "clinician", null);
            api.call("GET", "/patients/" + helpNumber + "/visits", "clinician", null);
            api.call("PUT", "/patients/" + helpNumber, "clinician", body, Map.of("If-Match", "\"9\""));
            api.call("GET", "/patients/" + helpNumber, "finance", null);
            // a name sent where no route reads it
            api.call("GET", "/reference?name=Selamawit%20Haile-Mariam", "finance", null);
            // mistakes that quote the values back would leak them: each is answered without them
            api.call(
                    "POST",
                    "/visits",
                    "clinician",
                    visit(helpNumber, "aarhus", "2025-05-05", "psychologist", "Selamawit"));
            api.call(
                    "POST",
                    "/patients",
                    "clinician",
                    "{\"name\":\"Selamawit Haile-Mariam\",\"birthYear\":\"+45 31 41 59 26\"}");
            // a client that sends personal data as a key: the unknown field is named to the client, not logged
            api.call("POST", "/patients", "clinician", "{\"Selamawit Haile-Mariam\":true}");
            // a duplicate merged into the record, with refusals on the way and its old number used afterwards
            String duplicate = api.call("POST", "/patients", "coordinator", duplicateBody)
                    .body()
                    .get("helpNumber")
                    .asText();
            helpNumbers[1] = duplicate;
            api.call("POST", "/visits", "clinician", visit(duplicate, "odense", "2025-04-01", "doctor", "P76"));
            String merges = "/patients/" + helpNumber + "/merges";
            api.call(
                    "POST",
                    merges,
                    "coordinator",
                    Map.of("duplicate", duplicate, "duplicateVersion", 1, "takeFromDuplicate", List.of("Selamawit")),
                    Map.of("If-Match", "\"1\""));
            api.call(
                    "POST",
                    merges,
                    "coordinator",
                    Map.of("duplicate", "Selamawit Haile-Mariam", "duplicateVersion", 1),
                    Map.of("If-Match", "\"1\""));
            api.call(
                    "POST",
                    merges,
                    "coordinator",
                    Map.of(
                            "duplicate",
                            duplicate,
                            "duplicateVersion",
                            1,
                            "takeFromDuplicate",
                            List.of("name", "phone")),
                    Map.of("If-Match", "\"1\"", "Idempotency-Key", "log-scenario-0002"));
            api.call("GET", "/patients/" + duplicate, "clinician", null);
            api.call("POST", "/visits", "clinician", visit(duplicate, "odense", "2025-04-02", "doctor", "P76"));
            api.call("GET", "/patients/" + helpNumber + "/visits", "clinician", null);
        });
        String logs = captured + api.logOutput();
        String helpNumber = helpNumbers[0];
        String duplicate = helpNumbers[1];

        assertTrue(logs.contains("\"route\":\"POST /visits\""), "the scenario was logged");
        assertTrue(logs.contains("\"route\":\"POST /patients/{helpNumber}/merges\""), "the merge was logged");
        for (String personal : List.of(
                "Selamawit",
                "Haile",
                "Selam ",
                "31 41 59 26",
                "27 18 28 18",
                helpNumber,
                helpNumber.replace("-", ""),
                duplicate,
                duplicate.replace("-", ""),
                "P76",
                "Z29")) {
            assertFalse(logs.contains(personal), "a log line contains " + personal.charAt(0) + "…");
        }
    }
}
