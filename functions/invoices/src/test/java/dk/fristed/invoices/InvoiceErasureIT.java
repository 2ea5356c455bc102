package dk.fristed.invoices;

import com.fasterxml.jackson.databind.JsonNode;
import dk.fristed.devkit.RouteChecks;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.List;
import java.util.Map;

import static dk.fristed.invoices.InvoicesApi.action;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Erasure across the two functions: an admin erases a patient through the visits function; the
 * patients table's stream carries it to the invoices function, which removes the invoice numbers (and
 * their keyed hashes), references and notes, and keeps amounts, dates and outcome for the totals.
 */
class InvoiceErasureIT {
    private final InvoicesApi api = new InvoicesApi();

    @Test
    void erasingAPatient_removesTheirInvoiceNumbersAndNotes_keepsTheTotals_andLeavesOthersAlone() {
        var stream = api.erasureStream();
        String erased = api.registerPatient();
        String other = api.registerPatient();
        var body = api.invoice(erased, "copenhagen", "2025-01-10", 70_000, "DKK");
        body.put("note", "Lives at the shelter in Vesterbro");
        String credited = api.create(body);
        api.walk(
                credited,
                List.of(
                        action("request_credit", "channel", "letter", "reference", "Sag 4711", "date", "2025-01-11"),
                        action(
                                "credit_partly",
                                "amount",
                                20_000,
                                "currency",
                                "DKK",
                                "date",
                                "2025-01-20",
                                "note",
                                "Phoned billing")));
        String open = api.create(erased, "aarhus", "2025-01-10", 5_000, "DKK");
        String kept = api.create(other, "copenhagen", "2025-01-11", 9_000, "DKK");
        JsonNode totalsBefore = totals();
        assertEquals(0, stream.deliver(), "registrations are not erasures");

        assertEquals(
                204, api.call("DELETE", "/patients/" + erased, "admin", null).status());
        assertEquals(1, stream.deliver());
        assertEquals(
                0,
                api.call("GET", "/patients/" + erased + "/invoices", "coordinator", null)
                        .body()
                        .get("items")
                        .size());
        assertFalse(
                api.raw
                        .scan(r -> r.tableName(api.tables.get("InvoicesTable")))
                        .items()
                        .toString()
                        .contains(erased.replace("-", "")),
                "the old help number is nowhere in the invoices table");

        for (String id : List.of(credited, open)) {
            JsonNode invoice =
                    api.call("GET", "/invoices/" + id, "coordinator", null).body();
            assertFalse(invoice.has("invoiceNumber"), id);
            assertFalse(invoice.has("note"), id);
            assertFalse(invoice.has("reference"), id);
            assertFalse(invoice.has("helpNumber"), "unlinked: " + id);
            assertTrue(invoice.has("creditor"), "the creditor stays for the books: " + id);
            assertEquals(
                    List.of(), RouteChecks.texts(invoice.get("flags")), "nobody chases an erased patient's invoice");
            invoice.get("history").forEach(h -> assertFalse(h.has("note") || h.has("reference"), id));
        }
        JsonNode after =
                api.call("GET", "/invoices/" + credited, "coordinator", null).body();
        assertEquals("partly_credited", after.get("state").asText());
        assertEquals(20_000, after.get("credited").asLong());
        assertEquals("2025-01-20", after.get("decidedOn").asText());
        assertEquals(totalsBefore, totals(), "the totals already reported stay right");
        assertTrue(
                api.call("GET", "/invoices/" + kept, "coordinator", null).body().has("invoiceNumber"),
                "another patient's invoice");
        assertEquals(
                1,
                api.raw
                        .scan(s -> s.tableName(api.tables.get("InvoiceNumbersTable")))
                        .count(),
                "only the other patient's number guard");
        assertEquals(
                2,
                api
                        .raw
                        .query(q -> q.tableName(api.tables.get("AuditTable"))
                                .keyConditionExpression("helpNumber = :h")
                                .expressionAttributeValues(Map.of(":h", AttributeValue.fromS(erased.replace("-", "")))))
                        .items()
                        .stream()
                        .filter(e -> e.get("subject").s().equals("system:invoice-erasure"))
                        .count(),
                "each invoice erased is audited");

        String before = items();
        assertEquals(1, api.erasureStream().deliver(), "delivered again, as Lambda may");
        assertEquals(before, items(), "erasing twice changes nothing");
    }

    @Test
    void anErasedPatientsInvoice_takesNoMoreSteps() {
        var stream = api.erasureStream();
        String patient = api.registerPatient();
        String id = api.create(patient, "odense", "2025-02-01", 1_000, "DKK");
        api.call("DELETE", "/patients/" + patient, "admin", null);
        stream.deliver();

        var refused = api.move(id, 2, action("request_credit", "channel", "letter"));
        assertEquals(410, refused.status());
        assertEquals("invoiceId", refused.problemField());
        assertEquals(
                404,
                api.call("POST", "/invoices", "coordinator", api.invoice(patient, "odense", "2025-02-01", 1, "DKK"))
                        .status());
    }

    private JsonNode totals() {
        return api.call("GET", "/invoices/totals?from=2025-01-01&to=2025-12-31", "finance", null)
                .body();
    }

    private String items() {
        return api.raw
                        .scan(s -> s.tableName(api.tables.get("InvoicesTable")))
                        .items()
                        .toString()
                + api.raw
                        .scan(s -> s.tableName(api.tables.get("InvoiceHistoryTable")))
                        .items()
                        .toString();
    }
}
