package dk.fristed.referrals;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Merges across the two functions: a coordinator merges a duplicate record through the visits function;
 * the patients table's stream carries the change to the referrals function, which moves the duplicate's
 * referrals to the surviving help number.
 */
class ReferralMergeIT {
    private final ReferralsApi api = new ReferralsApi();

    @Test
    void aMergedRecordsReferrals_moveToTheSurvivor_once() {
        var stream = api.erasureStream();
        String survivor = api.registerPatient();
        String duplicate = api.registerPatient();
        String own = api.create(survivor, "copenhagen", "2025-01-10", "examination");
        String moved = api.create(duplicate, "aarhus", "2025-02-01", "other");
        JsonNode countsBefore = counts();
        stream.deliver();

        api.merge(survivor, duplicate);
        assertEquals(
                1,
                stream.deliver(),
                "the duplicate's change is delivered; the survivor's is neither erasure nor merge");

        var read = api.call("GET", "/referrals/" + moved, "clinician", null);
        assertEquals(survivor, read.body().get("helpNumber").asText());
        assertEquals("\"2\"", read.header("ETag"), "moving is a change of the referral");
        assertEquals(
                Set.of(own, moved),
                ids(api.call("GET", "/patients/" + survivor + "/referrals", "clinician", null)
                        .body()));
        assertEquals(
                Set.of(),
                ids(api.call("GET", "/patients/" + duplicate + "/referrals", "clinician", null)
                        .body()));
        assertEquals(countsBefore, counts(), "a merge changes no count of referrals");
        assertEquals(
                1, ReferralErasureIT.systemChanges(api, survivor, "system:referral-erasure"), "the move is audited");
        var refused = api.call(
                "POST", "/referrals", "clinician", ReferralsApi.referral(duplicate, "aarhus", "2025-03-01", "other"));
        assertEquals(404, refused.status(), "no new referral under the old number");
        assertEquals("helpNumber", refused.problemField());

        // delivered again (Lambda delivers at least once): nothing is left to move
        String before =
                api.call("GET", "/referrals/" + moved, "clinician", null).text();
        api.erasureStream().deliver();
        assertEquals(
                before,
                api.call("GET", "/referrals/" + moved, "clinician", null).text());
    }

    @Test
    void erasingTheSurvivor_erasesTheReferralsThatCameFromTheDuplicate() {
        var stream = api.erasureStream();
        String survivor = api.registerPatient();
        String duplicate = api.registerPatient();
        String moved = api.create(duplicate, "aarhus", "2025-02-01", "other");
        api.merge(survivor, duplicate);
        assertEquals(
                204, api.call("DELETE", "/patients/" + survivor, "admin", null).status());

        stream.deliver();

        JsonNode referral =
                api.call("GET", "/referrals/" + moved, "clinician", null).body();
        assertFalse(referral.has("helpNumber"), "unlinked from both old numbers");
        assertEquals(
                0,
                api.call("GET", "/patients/" + duplicate + "/referrals", "clinician", null)
                        .body()
                        .get("items")
                        .size());
        assertEquals(
                0,
                api.call("GET", "/patients/" + survivor + "/referrals", "clinician", null)
                        .body()
                        .get("items")
                        .size());
        assertFalse(referral.has("clinicalQuestion"), "the duplicate's clinical question is erased with the survivor");
    }

    private JsonNode counts() {
        return api.call("GET", "/referrals/counts?from=2025-01-01&to=2025-03-31", "coordinator", null)
                .body();
    }

    private static Set<String> ids(JsonNode page) {
        Set<String> ids = new HashSet<>();
        page.get("items").forEach(r -> ids.add(r.get("id").asText()));
        return ids;
    }
}
