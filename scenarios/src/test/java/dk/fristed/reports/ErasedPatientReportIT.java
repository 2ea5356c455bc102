package dk.fristed.reports;

import com.fasterxml.jackson.databind.JsonNode;
import dk.fristed.devkit.RouteChecks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Erasing a patient with visits, a referral and an invoice, across every function: afterwards the old
 * help number leads only to its tombstone (410), in every route and every table but the audit trail
 * (which keeps who read and changed the record, append-only); the receiver is gone, the creditor stays
 * for the books; the year's figures are the same, also while the erasure is half done.
 */
class ErasedPatientReportIT {
    private final ReportsApi api = new ReportsApi();
    private ClinicYear year;
    private String patient;
    private String referral;
    private String invoice;

    @BeforeEach
    void aYearWithAPatientToErase() {
        year = ClinicYear.make(api, 12, 29);
        patient = year.visits.stream()
                .filter(v -> v.date().getYear() == 2024)
                .findFirst()
                .orElseThrow()
                .patient()
                .helpNumber();
        referral = api.expect(
                        201,
                        "POST",
                        "/referrals",
                        "clinician",
                        Map.of(
                                "helpNumber",
                                patient,
                                "site",
                                "odense",
                                "date",
                                "2024-06-03",
                                "kind",
                                "psychiatric_outpatient",
                                "receiver",
                                "Psychiatric outpatients, Odense",
                                "urgency",
                                "routine",
                                "clinicalQuestion",
                                "Low mood for months."))
                .body()
                .get("id")
                .asText();
        RouteChecks.walk(
                api.testbed,
                "/referrals/" + referral,
                "clinician",
                1,
                List.of(RouteChecks.action("send", "date", "2024-06-03")));
        invoice = api.expect(
                        201,
                        "POST",
                        "/invoices",
                        "coordinator",
                        Map.of(
                                "helpNumber",
                                patient,
                                "site",
                                "odense",
                                "creditor",
                                "Odense University Hospital",
                                "invoiceNumber",
                                "OUH-4711",
                                "invoiceDate",
                                "2024-06-20",
                                "dueDate",
                                "2024-07-20",
                                "receivedOn",
                                "2024-06-24",
                                "amount",
                                245_000,
                                "currency",
                                "DKK"))
                .body()
                .get("id")
                .asText();
    }

    @Test
    void afterErasure_theOldNumberLeadsOnlyToItsTombstone_andTheYearCountsTheSame() {
        JsonNode before = report();
        var streams = api.erasureStreams();

        assertEquals(
                204, api.call("DELETE", "/patients/" + patient, "admin", null).status());
        assertEquals(2, streams.deliver(), "one erasure, to the referral and the invoice functions");

        assertEquals(before, report(), "the year's figures are unchanged, to the last one");
        assertEquals(
                410,
                api.call("GET", "/patients/" + patient, "coordinator", null).status());
        assertEquals(
                410,
                api.call("GET", "/patients/" + patient + "/visits", "coordinator", null)
                        .status());
        assertEquals(
                0,
                api.call("GET", "/patients/" + patient + "/referrals", "coordinator", null)
                        .body()
                        .get("items")
                        .size());
        assertEquals(
                0,
                api.call("GET", "/patients/" + patient + "/invoices", "coordinator", null)
                        .body()
                        .get("items")
                        .size());
        JsonNode keptReferral =
                api.call("GET", "/referrals/" + referral, "coordinator", null).body();
        assertFalse(
                keptReferral.has("helpNumber") || keptReferral.has("receiver") || keptReferral.has("clinicalQuestion"),
                keptReferral.toString());
        assertEquals("psychiatric_outpatient", keptReferral.get("kind").asText(), "what the counts need stays");
        JsonNode keptInvoice =
                api.call("GET", "/invoices/" + invoice, "coordinator", null).body();
        assertFalse(keptInvoice.has("helpNumber") || keptInvoice.has("invoiceNumber"), keptInvoice.toString());
        assertEquals("Odense University Hospital", keptInvoice.get("creditor").asText(), "kept for the books");

        String compact = patient.replace("-", "");
        for (String table : api.tables.keySet()) {
            if (table.equals("AuditTable")) {
                continue;
            }
            String items = api.testbed
                    .raw
                    .scan(s -> s.tableName(api.tables.get(table)))
                    .items()
                    .toString();
            int expected = table.equals("PatientsTable") ? 1 : 0;
            assertEquals(
                    expected, items.split(Pattern.quote(compact), -1).length - 1, table + " holds the old help number");
            for (String written : List.of("Psychiatric outpatients", "OUH-4711", "Low mood")) {
                assertFalse(items.contains(written), table + " still holds what was written about the patient");
            }
        }
    }

    @Test
    void anErasureStoppedHalfWay_countsThePatientOnce_andItsRetryEndsIt() {
        JsonNode before = report();
        api.testbed.dynamoCalls.failAt(
                "transactWriteItems", 2); // the erasure's transaction is written, the visits' move is not
        assertTrue(api.call("DELETE", "/patients/" + patient, "admin", null).status() >= 500);
        assertEquals(before, report(), "the visits still under the old number count under the erasure's record");

        assertEquals(
                204, api.call("DELETE", "/patients/" + patient, "admin", null).status());
        assertEquals(before, report());
        String visits = api.testbed
                .raw
                .scan(s -> s.tableName(api.tables.get("VisitsTable")))
                .items()
                .toString();
        assertFalse(visits.contains(patient.replace("-", "")), "no visit is left under the old number");
    }

    private JsonNode report() {
        JsonNode report =
                api.expect(200, "GET", "/reports/2024", "coordinator", null).body();
        assertTrue(report.at("/patients/total").asInt() > 5, "a year with patients");
        return report;
    }
}
