package dk.fristed.referrals;

import dk.fristed.devkit.RouteChecks;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dk.fristed.referrals.ReferralsApi.action;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The daily follow-up on a seeded set, on 2025-03-01 with the defaults (sent: more than 14 days,
 * accepted: more than 30): it flags exactly the overdue referrals, reads only the ByState index (no
 * Scan, counted calls), leaves every other item as it was, and a second run changes nothing.
 */
class ReferralFollowUpIT {
    private final ReferralsApi api = new ReferralsApi();
    private static final Map<String, String> DEFAULTS = Map.of();

    @Test
    void followUp_flagsExactlyTheOverdue_touchesNothingElse_andIsIdempotent() {
        String patient = api.registerPatient();
        String sent28Days = seed(patient, "copenhagen", "2025-02-01", List.of(action("send", "date", "2025-02-01")));
        seed(patient, "copenhagen", "2025-02-20", List.of(action("send", "date", "2025-02-20")));
        seed(patient, "copenhagen", "2025-02-15", List.of(action("send", "date", "2025-02-15"))); // 14 days: not yet
        String sent15Days = seed(patient, "copenhagen", "2025-02-14", List.of(action("send", "date", "2025-02-14")));
        String accepted45Days = seed(
                patient,
                "copenhagen",
                "2025-01-10",
                List.of(action("send", "date", "2025-01-10"), action("accept", "date", "2025-01-15")));
        seed(
                patient,
                "copenhagen",
                "2025-02-01",
                List.of(action("send", "date", "2025-02-01"), action("accept", "date", "2025-02-10")));
        seed(patient, "copenhagen", "2025-01-01", List.of()); // drafted long ago
        seed(
                patient,
                "copenhagen",
                "2025-01-02",
                List.of(
                        action("send", "date", "2025-01-02"),
                        action("reject", "date", "2025-01-05", "reason", "wrong_receiver")));
        seed(
                patient,
                "copenhagen",
                "2025-01-03",
                List.of(
                        action("send", "date", "2025-01-03"),
                        action("accept", "date", "2025-01-05"),
                        action("book_appointment", "date", "2025-01-10", "appointmentDate", "2025-04-01")));
        String aarhusSent = seed(patient, "aarhus", "2025-01-20", List.of(action("send", "date", "2025-01-20")));
        Map<String, Map<String, AttributeValue>> before = items();

        api.dynamoCalls.reset();
        var result = api.followUpOn("2025-03-01", DEFAULTS).handleRequest(null, null);

        assertEquals(Map.of("overdue", 4, "flagged", 4), result);
        // two ByState queries per site, one transaction per flagged referral (the flag and its audit
        // entry): no Scan, no read of anything else
        assertEquals(8, api.dynamoCalls.list().stream().filter("query"::equals).count());
        assertEquals(
                4,
                api.dynamoCalls.list().stream()
                        .filter("transactWriteItems"::equals)
                        .count());
        assertEquals(12, api.dynamoCalls.list().size());
        Set<String> flagged = Set.of(sent28Days, sent15Days, accepted45Days, aarhusSent);
        assertEquals(
                4,
                api
                        .raw
                        .query(q -> q.tableName(api.tables.get("AuditTable"))
                                .keyConditionExpression("helpNumber = :h")
                                .expressionAttributeValues(
                                        Map.of(":h", AttributeValue.fromS(patient.replace("-", "")))))
                        .items()
                        .stream()
                        .filter(i -> i.get("subject").s().equals("system:referral-follow-up"))
                        .count(),
                "each flag is audited");
        Map<String, Map<String, AttributeValue>> after = items();
        after.forEach((id, item) -> {
            if (flagged.contains(id)) {
                assertEquals(
                        "2025-03-01",
                        api.call("GET", "/referrals/" + id, "clinician", null)
                                .body()
                                .get("followUpSince")
                                .asText());
                assertEquals(
                        before.get(id).get("version"),
                        item.get("version"),
                        "flagging keeps the version: nobody's If-Match goes stale");
            } else {
                assertEquals(before.get(id), item, "not overdue, not touched: " + id);
            }
        });

        assertEquals(
                List.of(accepted45Days, sent28Days, sent15Days),
                RouteChecks.ids(api.call("GET", "/referrals/follow-up?site=copenhagen", "coordinator", null)),
                "longest waiting first");
        assertEquals(
                List.of(aarhusSent),
                RouteChecks.ids(api.call("GET", "/referrals/follow-up?site=aarhus", "coordinator", null)));

        api.dynamoCalls.reset();
        assertEquals(
                Map.of("overdue", 4, "flagged", 0),
                api.followUpOn("2025-03-01", DEFAULTS).handleRequest(null, null));
        assertEquals(
                List.of("query", "query", "query", "query", "query", "query", "query", "query"),
                api.dynamoCalls.list());
    }

    @Test
    void answeringAFlaggedReferral_takesItOffTheFollowUpList() {
        String id = seed(api.registerPatient(), "odense", "2025-01-10", List.of(action("send", "date", "2025-01-10")));
        api.followUpOn("2025-03-01", DEFAULTS).handleRequest(null, null);
        assertEquals(
                List.of(id), RouteChecks.ids(api.call("GET", "/referrals/follow-up?site=odense", "clinician", null)));

        assertEquals(200, api.move(id, 2, action("accept")).status());

        assertEquals(
                List.of(), RouteChecks.ids(api.call("GET", "/referrals/follow-up?site=odense", "clinician", null)));
    }

    @Test
    void thresholdsComeFromTheEnvironment() {
        seed(api.registerPatient(), "aalborg", "2025-02-25", List.of(action("send", "date", "2025-02-25")));

        assertEquals(
                Map.of("overdue", 0, "flagged", 0),
                api.followUpOn("2025-03-01", DEFAULTS).handleRequest(null, null));
        assertEquals(
                Map.of("overdue", 1, "flagged", 1),
                api.followUpOn("2025-03-01", Map.of("FOLLOW_UP_SENT_DAYS", "3")).handleRequest(null, null));
    }

    private String seed(String patient, String site, String date, List<Map<String, Object>> steps) {
        String id = api.create(patient, site, date, "examination");
        api.walk(id, steps);
        return id;
    }

    /** Every referral as stored, by id: what an observer with table access sees. */
    private Map<String, Map<String, AttributeValue>> items() {
        Map<String, Map<String, AttributeValue>> items = new HashMap<>();
        api.raw
                .scan(s -> s.tableName(api.tables.get("ReferralsTable")))
                .items()
                .forEach(item -> items.put(item.get("referralId").s(), item));
        return items;
    }
}
