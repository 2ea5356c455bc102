package dk.fristed.invoices;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Merges across the two functions: the duplicate's invoices follow its record to the surviving help
 * number through the patients table's stream, and are erased with the survivor.
 */
class InvoiceMergeIT {
    private final InvoicesApi api = new InvoicesApi();

    @Test
    void aMergedRecordsInvoices_moveToTheSurvivor_andTheTotalsStay() {
        var stream = api.erasureStream();
        String survivor = api.registerPatient();
        String duplicate = api.registerPatient();
        String own = api.create(survivor, "copenhagen", "2025-01-10", 12_000, "DKK");
        String moved = api.create(duplicate, "aarhus", "2025-01-12", 5_000, "DKK");
        JsonNode totalsBefore = totals();

        api.merge(survivor, duplicate);
        assertEquals(1, stream.deliver());

        JsonNode invoice =
                api.call("GET", "/invoices/" + moved, "coordinator", null).body();
        assertEquals(survivor, invoice.get("helpNumber").asText());
        assertEquals(
                Set.of(own, moved),
                ids(api.call("GET", "/patients/" + survivor + "/invoices", "coordinator", null)
                        .body()));
        assertEquals(
                Set.of(),
                ids(api.call("GET", "/patients/" + duplicate + "/invoices", "coordinator", null)
                        .body()));
        assertEquals(totalsBefore, totals());
        var refused = api.call(
                "POST", "/invoices", "coordinator", api.invoice(duplicate, "aarhus", "2025-02-01", 1_000, "DKK"));
        assertEquals(404, refused.status(), "no new invoice under the old number");
    }

    @Test
    void erasingTheSurvivor_erasesTheInvoiceNumbersThatCameFromTheDuplicate() {
        var stream = api.erasureStream();
        String survivor = api.registerPatient();
        String duplicate = api.registerPatient();
        String moved = api.create(duplicate, "aarhus", "2025-01-12", 5_000, "DKK");
        api.merge(survivor, duplicate);
        assertEquals(
                204, api.call("DELETE", "/patients/" + survivor, "admin", null).status());

        stream.deliver();

        JsonNode invoice =
                api.call("GET", "/invoices/" + moved, "coordinator", null).body();
        assertFalse(invoice.has("helpNumber"), "unlinked from both old numbers");
        assertFalse(invoice.has("invoiceNumber"), "the invoice number identifies the patient at the hospital: erased");
    }

    private JsonNode totals() {
        return api.call("GET", "/invoices/totals?from=2025-01-01&to=2025-03-31", "coordinator", null)
                .body();
    }

    private static Set<String> ids(JsonNode page) {
        Set<String> ids = new HashSet<>();
        page.get("items").forEach(r -> ids.add(r.get("id").asText()));
        return ids;
    }
}
