package dk.fristed.referrals;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dk.fristed.referrals.ReferralsApi.action;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Erasure across the two functions: an admin erases a patient through the visits function; the
 * patients table's stream carries the change to the referrals function, which removes the clinical
 * questions and notes of that patient's referrals and keeps kind, dates and outcome for the counts.
 */
class ReferralErasureIT {
    private final ReferralsApi api = new ReferralsApi();

    @Test
    void erasingAPatient_removesTheirReferralTexts_keepsTheCounts_andLeavesOtherPatientsAlone() {
        var stream = api.erasureStream();
        String erased = api.registerPatient();
        String other = api.registerPatient();
        String rejected = api.create(erased, "copenhagen", "2025-01-10", "psychiatric_outpatient");
        api.walk(
                rejected,
                List.of(
                        action("send", "date", "2025-01-10"),
                        action(
                                "reject",
                                "date",
                                "2025-01-20",
                                "reason",
                                "no_health_rights",
                                "note",
                                "Told the patient by phone on Friday")));
        String drafted = api.create(erased, "aarhus", "2025-02-01", "examination");
        String kept = api.create(other, "copenhagen", "2025-02-02", "examination");
        JsonNode countsBefore = counts();
        assertEquals(0, stream.deliver(), "registrations are not erasures: the template's filter lets none through");

        assertEquals(
                204, api.call("DELETE", "/patients/" + erased, "admin", null).status());
        assertEquals(1, stream.deliver(), "one erasure delivered");

        for (String id : List.of(rejected, drafted)) {
            JsonNode referral =
                    api.call("GET", "/referrals/" + id, "clinician", null).body();
            assertFalse(referral.has("clinicalQuestion"), id);
            assertFalse(
                    referral.has("helpNumber") || referral.has("receiver") || referral.has("visitId"),
                    "unlinked, no receiver: " + id);
            referral.get("history").forEach(h -> assertFalse(h.has("note"), id));
        }
        JsonNode rejectedNow =
                api.call("GET", "/referrals/" + rejected, "clinician", null).body();
        assertEquals("rejected", rejectedNow.get("state").asText());
        assertEquals("no_health_rights", rejectedNow.get("rejectionReason").asText());
        assertEquals("psychiatric_outpatient", rejectedNow.get("kind").asText());
        assertEquals(countsBefore, counts(), "the counts already reported stay right");
        assertEquals(
                0,
                api.call("GET", "/patients/" + erased + "/referrals", "clinician", null)
                        .body()
                        .get("items")
                        .size());
        assertFalse(
                api.raw
                        .scan(r -> r.tableName(api.tables.get("ReferralsTable")))
                        .items()
                        .toString()
                        .contains(erased.replace("-", "")),
                "the old help number is nowhere in the referrals table");
        assertTrue(
                api.call("GET", "/referrals/" + kept, "clinician", null).body().has("clinicalQuestion"),
                "another patient's referral");
        assertEquals(2, systemChanges(api, erased, "system:referral-erasure"), "each referral erased is audited");
        assertEquals(
                404,
                api.call(
                                "POST",
                                "/referrals",
                                "clinician",
                                ReferralsApi.referral(erased, "copenhagen", "2025-02-20", "other"))
                        .status(),
                "no new referral for an erased patient");

        // delivered twice (Lambda delivers at least once): nothing more changes, nothing fails
        String before = items();
        assertEquals(1, api.erasureStream().deliver(), "a new reader of the stream gets the one erasure again");
        assertEquals(before, items());
    }

    @Test
    void anErasedPatientsReferral_takesNoMoreSteps_soNoTextComesBack() {
        var stream = api.erasureStream();
        String patient = api.registerPatient();
        String id = api.create(patient, "odense", "2025-02-01", "other");
        api.call("DELETE", "/patients/" + patient, "admin", null);
        stream.deliver();

        var refused = api.move(id, 1, action("send"));
        assertEquals(410, refused.status(), "nothing more is written about an erased patient");
        assertEquals("referralId", refused.problemField());
        assertEquals(
                410,
                api.move(id, 2, action("cancel", "note", "a note about the patient"))
                        .status());
        assertFalse(
                api.call("GET", "/referrals/" + id, "clinician", null).body().has("clinicalQuestion"));
    }

    @Test
    void theFollowUp_passesOverAnErasedPatientsReferrals() {
        var stream = api.erasureStream();
        String patient = api.registerPatient();
        String id = api.create(patient, "odense", "2025-01-10", "other");
        api.walk(id, List.of(action("send", "date", "2025-01-10")));
        api.call("DELETE", "/patients/" + patient, "admin", null);
        stream.deliver();

        assertEquals(
                java.util.Map.of("overdue", 0, "flagged", 0),
                api.followUpOn("2025-03-01", java.util.Map.of()).handleRequest(null, null));
    }

    /** Audit entries of the patient written by a function on its own, as the admin function reads them. */
    static long systemChanges(ReferralsApi api, String helpNumber, String subject) {
        return api
                .raw
                .query(q -> q.tableName(api.tables.get("AuditTable"))
                        .keyConditionExpression("helpNumber = :h")
                        .expressionAttributeValues(java.util.Map.of(
                                ":h",
                                software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(
                                        helpNumber.replace("-", "")))))
                .items()
                .stream()
                .filter(item -> item.get("subject").s().equals(subject))
                .count();
    }

    private JsonNode counts() {
        return api.call("GET", "/referrals/counts?from=2025-01-01&to=2025-02-28", "coordinator", null)
                .body();
    }

    private String items() {
        return api.raw
                        .scan(s -> s.tableName(api.tables.get("ReferralsTable")))
                        .items()
                        .toString()
                + api.raw
                        .scan(s -> s.tableName(api.tables.get("ReferralHistoryTable")))
                        .items()
                        .toString();
    }
}
