package dk.fristed.referrals;

import com.fasterxml.jackson.databind.JsonNode;
import dk.fristed.devkit.RouteChecks;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static dk.fristed.referrals.ReferralsApi.action;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The referral routes against DynamoDB Local, with the tables of template.yaml. */
class ReferralsIT {
    private final ReferralsApi api = new ReferralsApi();

    @Test
    void createReferral_isDrafted_withItsFirstHistoryEntry() {
        String patient = api.registerPatient();

        var created = api.call(
                "POST",
                "/referrals",
                "clinician",
                ReferralsApi.referral(patient, "copenhagen", "2025-02-20", "examination"));

        assertEquals(201, created.status());
        assertEquals("\"1\"", created.header("ETag"));
        assertEquals(1, created.body().get("version").asInt(), "the body carries the version, as a patient's does");
        assertEquals("drafted", created.body().get("state").asText());
        assertEquals(List.of("send", "cancel"), RouteChecks.texts(created.body().get("allowedActions")));
        String id = created.body().get("id").asText();
        assertEquals("/referrals/" + id, created.header("Location"));
        JsonNode read = api.call("GET", "/referrals/" + id, "coordinator", null).body();
        assertEquals(
                "Palpitations for three months.\nECG at the clinic normal.",
                read.get("clinicalQuestion").asText());
        assertEquals(1, read.get("history").size());
        assertEquals("drafted", read.get("history").get(0).get("to").asText());
        assertEquals("clinician", read.get("history").get(0).get("roles").asText());
    }

    @Test
    void wholeLife_sentAcceptedBookedCompleted_historyHasEveryStepWithWhoAndWhen() {
        String id = api.create(api.registerPatient(), "aarhus", "2025-01-10", "specialist");

        api.walk(
                id,
                List.of(
                        action("send", "date", "2025-01-10"),
                        action("accept", "date", "2025-01-20"),
                        action("book_appointment", "date", "2025-01-21", "appointmentDate", "2025-03-15"),
                        action("complete")));

        JsonNode referral =
                api.call("GET", "/referrals/" + id, "clinician", null).body();
        assertEquals("completed", referral.get("state").asText());
        assertEquals("2025-03-15", referral.get("appointmentDate").asText());
        assertEquals(List.of(), RouteChecks.texts(referral.get("allowedActions")));
        List<String> steps = new ArrayList<>();
        referral.get("history")
                .forEach(h -> steps.add(h.path("from").asText("-") + ">"
                        + h.get("to").asText() + "@" + h.get("date").asText()));
        assertEquals(
                List.of(
                        "->drafted@2025-01-10",
                        "drafted>sent@2025-01-10",
                        "sent>accepted@2025-01-20",
                        "accepted>appointment_booked@2025-01-21",
                        "appointment_booked>completed@2025-03-01"),
                steps);
        referral.get("history")
                .forEach(h -> assertEquals("user-clinician", h.get("by").asText()));
    }

    @Test
    void illegalTransition_is409NamingTheStateAndTheAllowedActions_andChangesNothing() {
        String id = api.create(api.registerPatient(), "odense", "2025-02-01", "other");

        var refused = api.move(id, 1, action("accept"));

        assertEquals(409, refused.status());
        String detail = refused.body().get("detail").asText();
        assertTrue(detail.contains("drafted") && detail.contains("send") && detail.contains("cancel"), detail);
        assertEquals(
                1,
                api.call("GET", "/referrals/" + id, "clinician", null)
                        .body()
                        .get("history")
                        .size());
    }

    @Test
    void eachActionTakesItsOwnFields_missingOrForeignOnesAre400NamingTheField() {
        String id = api.create(api.registerPatient(), "copenhagen", "2025-02-01", "examination");
        api.walk(id, List.of(action("send")));

        assertEquals("reason", api.move(id, 2, action("reject")).problemField());
        assertEquals(
                "reason",
                api.move(id, 2, action("reject", "reason", "lost_in_the_mail")).problemField());
        assertEquals(
                "appointmentDate",
                api.move(id, 2, action("accept", "appointmentDate", "2025-03-02"))
                        .problemField());
        assertEquals(
                "date", api.move(id, 2, action("accept", "date", "2025-01-31")).problemField());
        assertEquals(
                "date", api.move(id, 2, action("accept", "date", "2025-03-02")).problemField());
        assertEquals("action", api.move(id, 2, action("refer_again")).problemField());
        assertEquals(
                428,
                api.call("POST", "/referrals/" + id + "/transitions", "clinician", action("accept"))
                        .status());
        assertEquals(412, api.move(id, 1, action("accept")).status());
        assertEquals(
                200,
                api.move(id, 2, action("reject", "reason", "no_health_rights", "note", "Patient has no EHIC."))
                        .status());
    }

    @Test
    void rejectedThenComplaintUpheld_isAcceptedAgain_andReferringAgainLinksBothWays() {
        String patient = api.registerPatient();
        String upheld = api.create(patient, "copenhagen", "2025-01-05", "psychiatric_outpatient");
        api.walk(
                upheld,
                List.of(
                        action("send"),
                        action("reject", "reason", "not_medically_indicated"),
                        action("file_complaint", "complaintBody", "county_governor", "date", "2025-02-01"),
                        action("uphold_complaint")));
        JsonNode after =
                api.call("GET", "/referrals/" + upheld, "clinician", null).body();
        assertEquals("accepted", after.get("state").asText());
        assertEquals("upheld", after.get("complaintOutcome").asText());
        assertEquals("not_medically_indicated", after.get("rejectionReason").asText());

        String rejected = api.create(patient, "copenhagen", "2025-01-06", "examination");
        api.walk(rejected, List.of(action("send"), action("reject", "reason", "wrong_receiver")));
        var again = ReferralsApi.referral(patient, "copenhagen", "2025-02-10", "examination");
        again.put("replaces", rejected);
        var created = api.call("POST", "/referrals", "clinician", again);

        assertEquals(201, created.status());
        assertEquals(rejected, created.body().get("replaces").asText());
        JsonNode old =
                api.call("GET", "/referrals/" + rejected, "clinician", null).body();
        assertEquals("referred_again", old.get("state").asText());
        assertEquals(created.body().get("id").asText(), old.get("replacedBy").asText());
        assertEquals(
                409,
                api.call("POST", "/referrals", "clinician", again).status(),
                "only a rejected referral can be referred again");
    }

    @Test
    void twoClinicsAnsweringTheSameReferralAtOnce_leaveExactlyOneAnswer_andOne412() throws Exception {
        String id = api.create(api.registerPatient(), "aalborg", "2025-02-01", "examination");
        api.walk(id, List.of(action("send")));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            var accept = CompletableFuture.supplyAsync(
                    () -> RouteChecks.whenStarted(start, () -> api.move(id, 2, action("accept"))), pool);
            var reject = CompletableFuture.supplyAsync(
                    () -> RouteChecks.whenStarted(
                            start, () -> api.move(id, 2, action("reject", "reason", "incomplete_referral"))),
                    pool);
            start.countDown();
            List<Integer> statuses =
                    new ArrayList<>(List.of(accept.get().status(), reject.get().status()));
            statuses.sort(null);
            assertEquals(List.of(200, 412), statuses);
        } finally {
            pool.shutdownNow();
        }
        JsonNode history =
                api.call("GET", "/referrals/" + id, "clinician", null).body().get("history");
        assertEquals(3, history.size(), "one answer, written once");
    }

    @Test
    void retriedCreateWithTheSameIdempotencyKey_createsOneReferral() {
        String patient = api.registerPatient();
        var body = ReferralsApi.referral(patient, "copenhagen", "2025-02-01", "examination");
        Map<String, String> key = Map.of("Idempotency-Key", "referral-retry-0001");

        var first = api.call("POST", "/referrals", "clinician", body, key);
        assertEquals(201, first.status(), String.valueOf(first.body()));
        var retry = api.call("POST", "/referrals", "clinician", body, key);

        assertEquals(201, retry.status());
        assertEquals("true", retry.header("Idempotent-Replayed"));
        assertEquals(first.body().get("id"), retry.body().get("id"));
        assertEquals(
                1,
                api.call("GET", "/patients/" + patient + "/referrals", "clinician", null)
                        .body()
                        .get("items")
                        .size());
    }

    @Test
    void referralForAnUnknownPatient_is404_andNothingIsWritten() {
        var refused = api.call(
                "POST",
                "/referrals",
                "clinician",
                ReferralsApi.referral("K7MQ-X9PK", "copenhagen", "2025-02-01", "other"));

        assertEquals(404, refused.status());
        assertEquals("helpNumber", refused.problemField());
        assertEquals(
                0,
                api.raw
                        .query(q -> q.tableName(api.tables.get("ReferralsTable"))
                                .indexName("ByPatient")
                                .keyConditionExpression("helpNumber = :h")
                                .expressionAttributeValues(Map.of(
                                        ":h",
                                        software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(
                                                "K7MQX9PK"))))
                        .count());
    }

    @Test
    void lists_patientsNewestFirst_siteByPeriodAndState() {
        String patient = api.registerPatient();
        String older = api.create(patient, "copenhagen", "2025-01-05", "examination");
        String newer = api.create(patient, "copenhagen", "2025-02-05", "specialist");
        api.create(api.registerPatient(), "aarhus", "2025-02-06", "other");
        api.walk(newer, List.of(action("send")));

        assertEquals(
                List.of(newer, older),
                RouteChecks.ids(api.call("GET", "/patients/" + patient + "/referrals", "clinician", null)));
        assertEquals(
                List.of(older, newer),
                RouteChecks.ids(api.call(
                        "GET", "/referrals?site=copenhagen&from=2025-01-01&to=2025-02-28", "clinician", null)));
        assertEquals(
                List.of(newer),
                RouteChecks.ids(api.call(
                        "GET",
                        "/referrals?site=copenhagen&from=2025-01-01&to=2025-02-28&state=sent",
                        "clinician",
                        null)));
        assertEquals(
                List.of(older),
                RouteChecks.ids(api.call(
                        "GET", "/referrals?site=copenhagen&from=2025-01-01&to=2025-01-31", "clinician", null)));
        var first =
                api.call("GET", "/referrals?site=copenhagen&from=2025-01-01&to=2025-02-28&limit=1", "clinician", null);
        String cursor = first.body().get("nextCursor").asText();
        assertEquals(
                List.of(newer),
                RouteChecks.ids(api.call(
                        "GET",
                        "/referrals?site=copenhagen&from=2025-01-01&to=2025-02-28&limit=1&cursor="
                                + java.net.URLEncoder.encode(cursor, java.nio.charset.StandardCharsets.UTF_8),
                        "clinician",
                        null)));
    }

    @Test
    void financeAndAdminNeverSeeReferrals() {
        String id = api.create(api.registerPatient(), "copenhagen", "2025-02-01", "other");
        for (String role : List.of("finance", "admin")) {
            assertEquals(403, api.call("GET", "/referrals/" + id, role, null).status(), role);
            assertEquals(
                    403,
                    api.call("GET", "/referrals/counts?from=2025-01-01&to=2025-12-31", role, null)
                            .status(),
                    role);
        }
    }

    @Test
    void everyRoute_makesTheDynamoDbCallsOfItsProfile() {
        String patient = api.registerPatient();
        String id = api.create(patient, "copenhagen", "2025-02-01", "examination");

        RouteChecks.assertCalls(
                api.testbed,
                "POST /referrals",
                () -> api.call(
                        "POST",
                        "/referrals",
                        "clinician",
                        ReferralsApi.referral(patient, "copenhagen", "2025-02-01", "other")));
        RouteChecks.assertCalls(
                api.testbed,
                "GET /referrals/{referralId}",
                () -> api.call("GET", "/referrals/" + id, "clinician", null));
        RouteChecks.assertCalls(
                api.testbed,
                "POST /referrals/{referralId}/transitions",
                () -> api.move(id, 1, action("send", "date", "2025-02-01")));
        RouteChecks.assertCalls(
                api.testbed,
                "GET /patients/{helpNumber}/referrals",
                () -> api.call("GET", "/patients/" + patient + "/referrals", "clinician", null));
        RouteChecks.assertCalls(
                api.testbed,
                "GET /referrals",
                () -> api.call("GET", "/referrals?site=copenhagen&from=2025-01-01&to=2025-03-01", "clinician", null));
        RouteChecks.assertCalls(
                api.testbed,
                "GET /referrals/counts",
                () -> api.call(
                        "GET", "/referrals/counts?site=copenhagen&from=2025-01-01&to=2025-03-01", "clinician", null));
        assertEquals(
                Map.of("overdue", 1, "flagged", 1),
                api.followUpOn("2025-03-01", Map.of("FOLLOW_UP_SENT_DAYS", "1", "FOLLOW_UP_ACCEPTED_DAYS", "30"))
                        .handleRequest(null, null));
        RouteChecks.assertCalls(
                api.testbed,
                "GET /referrals/follow-up",
                () -> api.call("GET", "/referrals/follow-up?site=copenhagen", "clinician", null));
    }

    @Test
    void clinicalQuestion_isNeverStoredReadable() {
        String id = api.create(api.registerPatient(), "copenhagen", "2025-02-01", "examination");
        api.walk(id, List.of(action("send"), action("reject", "reason", "other", "note", "Receiver says: call them")));

        String dump = api.raw
                        .scan(s -> s.tableName(api.tables.get("ReferralsTable")))
                        .items()
                        .toString()
                + api.raw
                        .scan(s -> s.tableName(api.tables.get("ReferralHistoryTable")))
                        .items()
                        .toString();
        assertFalse(dump.contains("Palpitations"), "clinical question in plaintext");
        assertFalse(dump.contains("call them"), "note in plaintext");
        assertFalse(dump.contains("Rigshospitalet"), "receiver in plaintext");
    }
}
