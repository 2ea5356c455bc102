package dk.fristed.invoices;

import com.fasterxml.jackson.databind.JsonNode;
import dk.fristed.devkit.RouteChecks;
import dk.fristed.invoices.invoice.DeadlinePolicy;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static dk.fristed.invoices.InvoicesApi.action;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The daily deadline run on a seeded set: exactly the invoices near or past their due date and the
 * credit requests left unanswered are flagged, read from the sparse indexes with a counted number of
 * queries and no Scan; a second run writes nothing; an answer takes an invoice off the list.
 */
class InvoiceDeadlinesIT {
    private final InvoicesApi api = new InvoicesApi();
    private final String patient = api.registerPatient();

    private String invoice(String site, String received, String due) {
        var body = api.invoice(patient, site, received, 10_000, "DKK");
        body.put("dueDate", due);
        return api.create(body);
    }

    @Test
    void theRunFlagsTheRightOnes_withCountedQueries_andASecondRunWritesNothing() {
        // the API's today is 2025-03-01; the run is on 2025-03-10 (unanswered after 21 days, due within 7)
        String overdue =
                invoice("copenhagen", "2025-02-01", "2025-03-05"); // due soon at registration, overdue by the run
        String dueSoon = invoice("copenhagen", "2025-02-20", "2025-03-15"); // 14 days away when registered
        String later = invoice("copenhagen", "2025-02-20", "2025-04-30");
        String unanswered = invoice("aarhus", "2025-02-01", "2025-05-01");
        api.walk(unanswered, List.of(action("request_credit", "channel", "letter", "date", "2025-02-10")));
        String recentRequest = invoice("aarhus", "2025-02-01", "2025-05-01");
        api.walk(recentRequest, List.of(action("request_credit", "channel", "letter", "date", "2025-02-28")));
        String appealedLongAgo = invoice("aarhus", "2025-01-02", "2025-06-01");
        api.walk(
                appealedLongAgo,
                List.of(
                        action("request_credit", "channel", "letter", "date", "2025-01-03"),
                        action("reject", "reason", "care_not_acute", "date", "2025-01-10"),
                        action("appeal", "channel", "email", "date", "2025-01-12")));
        String creditedPastDue = invoice("copenhagen", "2025-01-05", "2025-02-05");
        api.walk(creditedPastDue, List.of(action("request_credit", "channel", "email"), action("credit_in_full")));
        String writtenOff = invoice("odense", "2025-01-05", "2025-02-05");
        api.walk(writtenOff, List.of(action("write_off", "note", "Patient paid it herself")));
        assertEquals(List.of(overdue), ids("copenhagen"), "registration flags what is due already");

        api.dynamoCalls.reset();
        var run = api.deadlinesOn("2025-03-10", InvoicesApi.DEADLINES).handleRequest(null, null);

        // the appeal was flagged unanswered by its own transition (48 days waiting on the API's today)
        assertEquals(Map.of("needingAttention", 4, "flagged", 3), run);
        assertEquals(
                List.of(
                        "query",
                        "query",
                        "query",
                        "query",
                        "query",
                        "query",
                        "query",
                        "query",
                        "transactWriteItems",
                        "transactWriteItems",
                        "transactWriteItems"),
                sorted(api.dynamoCalls.list()),
                "two queries per site (4 sites), one write per invoice whose flags changed, no Scan");
        assertEquals(List.of(overdue, dueSoon), ids("copenhagen"), "the earliest due first");
        assertEquals(List.of(unanswered, appealedLongAgo), ids("aarhus"));
        assertEquals(List.of(), ids("odense"));
        assertEquals(List.of("overdue"), flags(overdue));
        assertEquals(List.of("due_soon"), flags(dueSoon));
        assertEquals(List.of("unanswered"), flags(unanswered));
        assertEquals(List.of(), flags(later));
        assertEquals(List.of(), flags(recentRequest));
        assertEquals(3, systemChanges(), "each flag the run changed is audited as the system's");

        api.dynamoCalls.reset();
        assertEquals(
                Map.of("needingAttention", 4, "flagged", 0),
                api.deadlinesOn("2025-03-10", InvoicesApi.DEADLINES).handleRequest(null, null));
        assertFalse(api.dynamoCalls.list().contains("transactWriteItems"), "a second run the same day writes nothing");
    }

    @Test
    void anAnswerOrAPayment_takesAnInvoiceOffTheList_atOnce() {
        String id = invoice("aalborg", "2025-01-10", "2025-02-10");
        api.walk(id, List.of(action("request_credit", "channel", "phone", "date", "2025-01-11")));
        assertEquals(List.of(id), ids("aalborg"));
        assertEquals(List.of("overdue", "unanswered"), flags(id));

        api.walk(id, List.of(action("credit_partly", "amount", 4000, "currency", "DKK")));
        assertEquals(List.of("overdue"), flags(id), "the rest is still overdue");
        api.walk(id, List.of(action("pay", "amount", 6000, "currency", "DKK")));
        assertEquals(List.of(), ids("aalborg"));
    }

    @Test
    void thresholdsComeFromTheTemplatesVariables() {
        assertEquals(
                new DeadlinePolicy(21, 7), DeadlinePolicy.fromEnvironment(dk.fristed.config.Environment.of(Map.of())));
        String id = invoice("odense", "2025-02-01", "2025-04-30");
        api.walk(id, List.of(action("request_credit", "channel", "letter", "date", "2025-02-25")));

        api.deadlinesOn("2025-03-10", new DeadlinePolicy(10, 7)).handleRequest(null, null);

        assertEquals(List.of("unanswered"), flags(id));
    }

    private List<String> ids(String site) {
        return RouteChecks.ids(api.call("GET", "/invoices/deadlines?site=" + site, "coordinator", null));
    }

    private List<String> flags(String id) {
        List<String> flags = new ArrayList<>();
        JsonNode invoice =
                api.call("GET", "/invoices/" + id, "coordinator", null).body();
        invoice.get("flags").forEach(f -> flags.add(f.asText()));
        return flags;
    }

    private int systemChanges() {
        var entries = api.raw.query(q -> q.tableName(api.tables.get("AuditTable"))
                .keyConditionExpression("helpNumber = :h")
                .expressionAttributeValues(Map.of(
                        ":h",
                        software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(
                                patient.replace("-", "")))));
        return (int) entries.items().stream()
                .filter(e -> e.get("subject").s().equals("system:invoice-deadlines"))
                .count();
    }

    private static List<String> sorted(List<String> calls) {
        List<String> copy = new ArrayList<>(calls);
        Collections.sort(copy);
        return copy;
    }
}
