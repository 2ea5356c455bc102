package dk.fristed.referrals;

import dk.fristed.devkit.CapturedOutput;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static dk.fristed.referrals.ReferralsApi.action;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A referral's whole life, every log line captured (the functions' and anything on stdout/stderr):
 * none may carry the help number, the clinical question, the receiver, a note or a specialty.
 */
class ReferralLogsIT {
    @Test
    void referralScenario_logsNoPersonalValue() {
        ReferralsApi api = new ReferralsApi();
        String helpNumber = api.registerPatient();
        String captured = CapturedOutput.during(() -> {
            var stream = api.erasureStream();
            var body = ReferralsApi.referral(helpNumber, "aalborg", "2025-01-05", "specialist");
            body.put("specialty", "Tropical medicine");
            body.put("receiver", "Aalborg Universitetshospital");
            body.put("clinicalQuestion", "Suspected schistosomiasis after crossing");
            String id = api.call(
                            "POST", "/referrals", "clinician", body, Map.of("Idempotency-Key", "log-referral-0001"))
                    .body()
                    .get("id")
                    .asText();
            api.call("POST", "/referrals", "clinician", body, Map.of("Idempotency-Key", "log-referral-0001"));
            api.walk(
                    id,
                    List.of(
                            action("send", "date", "2025-01-05"),
                            action(
                                    "reject",
                                    "reason",
                                    "no_health_rights",
                                    "note",
                                    "Receiver demands Gul sygesikringskort")));
            api.move(
                    id,
                    3,
                    action(
                            "file_complaint",
                            "complaintBody",
                            "hospital",
                            "note",
                            "Complaint says Suspected schistosomiasis"));
            api.move(id, 9, action("close"));
            api.call("GET", "/referrals/" + id, "coordinator", null);
            api.call("GET", "/patients/" + helpNumber + "/referrals", "clinician", null);
            api.call("GET", "/referrals?site=aalborg&from=2025-01-01&to=2025-03-01", "clinician", null);
            api.followUpOn("2025-03-01", Map.of()).handleRequest(null, null);
            // mistakes that quote values back would leak them
            body.put("urgency", "Suspected schistosomiasis");
            api.call("POST", "/referrals", "clinician", body);
            api.call(
                    "POST",
                    "/referrals/" + id + "/transitions",
                    "clinician",
                    "{\"Aalborg Universitetshospital\":1}",
                    Map.of("If-Match", "\"4\""));
            api.call("GET", "/referrals/" + id, "finance", null);
            api.call("DELETE", "/patients/" + helpNumber, "admin", null);
            stream.deliver();
        });
        String logs = captured + api.logs.toString(StandardCharsets.UTF_8);

        assertTrue(logs.contains("\"route\":\"POST /referrals/{referralId}/transitions\""), "the scenario was logged");
        assertTrue(logs.contains("referrals erased with their patient"), "the erasure was logged");
        for (String personal : List.of(
                helpNumber,
                helpNumber.replace("-", ""),
                "schistosomiasis",
                "Universitetshospital",
                "Tropical",
                "sygesikringskort",
                "Test Person")) {
            assertFalse(logs.contains(personal), "a log line contains " + personal.charAt(0) + "…");
        }
    }
}
