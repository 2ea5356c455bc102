package dk.fristed.visits;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.List;
import java.util.Map;

import static dk.fristed.visits.VisitsApi.patient;
import static dk.fristed.visits.VisitsApi.visit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Erasure on request: personal fields gone everywhere, the statistics of past reports unchanged. */
class ErasureIT {
    private final VisitsApi api = new VisitsApi();

    @Test
    void erase_removesPersonalFieldsForGood_andMovesWhatStatisticsNeedAwayFromTheHelpNumber() {
        var body = patient(1979, "female", "ET", "Selamawit Haile");
        String helpNumber = api.call("POST", "/patients", "coordinator", body)
                .body()
                .get("helpNumber")
                .asText();
        api.call("POST", "/visits", "clinician", visit(helpNumber, "aarhus", "2025-05-05", "psychologist", "P76"));
        api.call("POST", "/visits", "clinician", visit(helpNumber, "aarhus", "2025-06-02", "doctor", "L03"));
        var statisticsBefore = withoutHelpNumbers(
                api.call("GET", "/visits?site=aarhus&from=2025-01-01&to=2025-12-31", "clinician", null));

        assertEquals(
                204,
                api.call("DELETE", "/patients/" + helpNumber, "admin", null).status());

        String dump = scan("PatientsTable") + scan("VisitsTable") + scan("IdempotencyTable") + scan("AuditTable");
        for (String personal : List.of("Selamawit", "Haile", "20 12 34 56")) {
            assertFalse(dump.contains(personal), "still stored: " + personal.charAt(0) + "…");
        }
        // the old number keeps its tombstone and nothing else, in any table but the audit trail
        String compact = helpNumber.replace("-", "");
        assertEquals(1, count(scan("PatientsTable"), compact), "only the tombstone's key");
        assertEquals(0, count(scan("VisitsTable") + scan("IdempotencyTable"), compact));
        Map<String, AttributeValue> tombstone = patientItem(helpNumber);
        for (String attribute : List.of(
                "name",
                "phone",
                "languages",
                "interpreterNeeded",
                "cohort",
                "birthYear",
                "sex",
                "nationality",
                "registeredAt",
                "firstVisitKey",
                "mergedInto",
                "mergeMoving")) {
            assertFalse(tombstone.containsKey(attribute), attribute + " is still stored under the old number");
        }
        assertTrue(tombstone.containsKey("erasedAt"));
        assertEquals(
                410,
                api.call("GET", "/patients/" + helpNumber + "/visits", "clinician", null)
                        .status());

        // what the statistics count, under a number nobody was given, which answers 410 too
        var visitsAfter = api.call("GET", "/visits?site=aarhus&from=2025-01-01&to=2025-12-31", "clinician", null);
        assertEquals(
                statisticsBefore,
                withoutHelpNumbers(visitsAfter),
                "past visits, services, diagnoses and first visits are unchanged");
        String statistics = visitsAfter.body().at("/items/0/helpNumber").asText();
        assertNotEquals(helpNumber, statistics);
        Map<String, AttributeValue> kept = patientItem(statistics);
        assertEquals("1979", kept.get("birthYear").n());
        assertEquals("FEMALE", kept.get("sex").s());
        assertEquals("ET", kept.get("nationality").s());
        assertTrue(kept.containsKey("erasedAt") && !kept.containsKey("mergedInto") && !kept.containsKey("mergeMoving"));
        assertEquals(
                410,
                api.call("GET", "/patients/" + statistics, "clinician", null).status());
    }

    @Test
    void anErasureThatStopsBeforeTheVisitsMoved_isCompletedByItsRetry() {
        String helpNumber = api.registerPatient("Amina Yusuf");
        api.call("POST", "/visits", "clinician", visit(helpNumber, "odense", "2025-03-04", "doctor"));
        api.dynamoCalls.failAt("transactWriteItems", 2); // the erasure's transaction succeeds, moving the visit fails
        assertTrue(api.call("DELETE", "/patients/" + helpNumber, "admin", null).status() >= 500);
        assertEquals(
                1,
                count(scan("VisitsTable"), helpNumber.replace("-", "")),
                "stopped half way: the visit is still under the old number");

        assertEquals(
                204,
                api.call("DELETE", "/patients/" + helpNumber, "admin", null).status());
        assertEquals(0, count(scan("VisitsTable"), helpNumber.replace("-", "")));
        assertFalse(patientItem(helpNumber).containsKey("mergedInto"), "the pointer goes once the visits moved");
    }

    @Test
    void erasedPatient_isGone_andNotOfferedAsADuplicate() {
        String helpNumber = api.registerPatient("Ana Popescu");

        api.call("DELETE", "/patients/" + helpNumber, "admin", null);

        assertEquals(
                410,
                api.call("GET", "/patients/" + helpNumber, "clinician", null).status());
        assertEquals(
                410,
                api.call("POST", "/visits", "clinician", visit(helpNumber, "odense", "2025-03-04", "doctor"))
                        .status());
        assertEquals(
                410,
                api.call(
                                "PUT",
                                "/patients/" + helpNumber,
                                "clinician",
                                patient(1985, "female", "RO", null),
                                Map.of("If-Match", "\"2\""))
                        .status());
        var candidates = api.call(
                "GET", "/patients?birthYear=1985&sex=female&nationality=RO&name=Ana%20Popescu", "clinician", null);
        assertFalse(candidates.body().toString().contains(helpNumber));
    }

    @Test
    void erase_isAdminOnly_idempotent_audited_and404ForNobody() {
        String helpNumber = api.registerPatient("Ana");

        assertEquals(
                403,
                api.call("DELETE", "/patients/" + helpNumber, "clinician", null).status());
        assertEquals(
                204,
                api.call("DELETE", "/patients/" + helpNumber, "admin", null).status());
        assertEquals(
                204,
                api.call("DELETE", "/patients/" + helpNumber, "admin", null).status());
        assertEquals(
                404,
                api.call("DELETE", "/patients/" + dk.fristed.helpnumber.HelpNumber.random(), "admin", null)
                        .status());

        var routes = api
                .raw
                .query(r -> r.tableName(api.tables.get("AuditTable"))
                        .keyConditionExpression("helpNumber = :h")
                        .expressionAttributeValues(Map.of(":h", AttributeValue.fromS(helpNumber.replace("-", "")))))
                .items()
                .stream()
                .map(e -> e.get("action").s() + " " + e.get("route").s() + " "
                        + e.get("subject").s())
                .toList();
        assertTrue(routes.contains("change DELETE /patients/{helpNumber} user-admin"), routes.toString());
    }

    private static int count(String text, String value) {
        return text.split(java.util.regex.Pattern.quote(value), -1).length - 1;
    }

    private static String withoutHelpNumbers(dk.fristed.devkit.FunctionTestbed.Response visits) {
        var items = visits.body().get("items").deepCopy();
        items.forEach(item -> ((com.fasterxml.jackson.databind.node.ObjectNode) item).remove("helpNumber"));
        return items.toString();
    }

    private String scan(String table) {
        return api.raw.scan(r -> r.tableName(api.tables.get(table))).items().toString();
    }

    private Map<String, AttributeValue> patientItem(String helpNumber) {
        return api.raw
                .getItem(r -> r.tableName(api.tables.get("PatientsTable"))
                        .key(Map.of("helpNumber", AttributeValue.fromS(helpNumber.replace("-", "")))))
                .item();
    }
}
