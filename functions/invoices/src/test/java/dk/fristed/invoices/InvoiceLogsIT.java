package dk.fristed.invoices;

import dk.fristed.devkit.CapturedOutput;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static dk.fristed.invoices.InvoicesApi.action;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An invoice's whole life, every log line captured (the functions' and anything on stdout/stderr):
 * none may carry the help number, the invoice number, the creditor, a reference or a note.
 */
class InvoiceLogsIT {
    @Test
    void invoiceScenario_logsNoPersonalValue() {
        InvoicesApi api = new InvoicesApi();
        String helpNumber = api.registerPatient();
        String captured = CapturedOutput.during(() -> {
            var stream = api.erasureStream();
            var body = api.invoice(helpNumber, "aalborg", "2025-01-05", 4_321_00, "DKK");
            body.put("creditor", "Aalborg Universitetshospital");
            body.put("invoiceNumber", "AUH-99-31337");
            body.put("note", "Brought by her cousin Mirela");
            String id = api.call(
                            "POST", "/invoices", "coordinator", body, Map.of("Idempotency-Key", "log-invoice-0001"))
                    .body()
                    .get("id")
                    .asText();
            api.call("POST", "/invoices", "coordinator", body, Map.of("Idempotency-Key", "log-invoice-0001"));
            api.call("POST", "/invoices", "coordinator", body); // the duplicate: 409
            api.walk(
                    id,
                    List.of(
                            action(
                                    "request_credit",
                                    "channel",
                                    "letter",
                                    "reference",
                                    "Sag Mirela-77",
                                    "date",
                                    "2025-01-06"),
                            action("reject", "reason", "no_health_rights", "note", "Billing says Mirela must pay")));
            api.move(id, 3, action("pay", "amount", 999_999_999, "currency", "DKK"));
            api.move(id, 3, action("pay", "amount", 100, "currency", "EUR"));
            api.call("GET", "/invoices/" + id, "coordinator", null);
            api.call("GET", "/patients/" + helpNumber + "/invoices", "clinician", null);
            api.call("GET", "/invoices?site=aalborg&from=2025-01-01&to=2025-03-01", "clinician", null);
            api.call("GET", "/invoices/export?site=aalborg&from=2025-01-01&to=2025-03-01", "coordinator", null);
            api.deadlinesOn("2025-03-01", InvoicesApi.DEADLINES).handleRequest(null, null);
            api.call("GET", "/invoices/deadlines?site=aalborg", "coordinator", null);
            // mistakes that quote values back would leak them
            body.put("currency", "Mirela");
            api.call("POST", "/invoices", "coordinator", body);
            api.call(
                    "POST",
                    "/invoices/" + id + "/transitions",
                    "coordinator",
                    "{\"AUH-99-31337\":1}",
                    Map.of("If-Match", "\"3\""));
            api.call("GET", "/invoices/" + id, "finance", null);
            api.call("DELETE", "/patients/" + helpNumber, "admin", null);
            stream.deliver();
        });
        String logs = captured + api.logs.toString(StandardCharsets.UTF_8);

        assertTrue(logs.contains("\"route\":\"POST /invoices/{invoiceId}/transitions\""), "the scenario was logged");
        assertTrue(logs.contains("deadline run done"), "the deadline run was logged");
        assertTrue(logs.contains("invoices erased with their patient"), "the erasure was logged");
        for (String personal : List.of(
                helpNumber,
                helpNumber.replace("-", ""),
                "31337",
                "Universitetshospital",
                "Mirela",
                "cousin",
                "432100",
                "Test Person")) {
            assertFalse(logs.contains(personal), "a log line contains " + personal.charAt(0) + "…");
        }
    }
}
