package dk.fristed.visits;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.List;
import java.util.Map;

import static dk.fristed.visits.VisitsApi.patient;
import static dk.fristed.visits.VisitsApi.visit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every read or change of a patient's record leaves an audit entry: who, when, which patient, which route. */
class AuditTrailIT {
    private final VisitsApi api = new VisitsApi();

    @Test
    void everyReadAndChange_leavesAnEntryWithWhoWhatAndWhen() {
        String helpNumber = api.call("POST", "/patients", "coordinator", patient(1990, "male", "IR", "Reza"))
                .body()
                .get("helpNumber")
                .asText();
        api.call("POST", "/visits", "clinician", visit(helpNumber, "odense", "2025-03-04", "doctor", "L03"));
        api.call("GET", "/patients/" + helpNumber, "clinician", null);
        api.call("GET", "/patients/" + helpNumber + "/visits", "clinician", null);
        api.call(
                "PUT",
                "/patients/" + helpNumber,
                "clinician",
                patient(1990, "male", "IR", null),
                Map.of("If-Match", "\"1\""));
        api.call("GET", "/visits?site=odense&from=2025-03-01&to=2025-03-31", "coordinator", null);
        api.call("GET", "/patients?birthYear=1990&sex=male&nationality=IR", "coordinator", null);

        List<Map<String, AttributeValue>> entries = entriesOf(helpNumber);
        assertEquals(
                List.of(
                        "change POST /patients user-coordinator coordinator",
                        "change POST /visits user-clinician clinician",
                        "read GET /patients/{helpNumber} user-clinician clinician",
                        "read GET /patients/{helpNumber}/visits user-clinician clinician",
                        "change PUT /patients/{helpNumber} user-clinician clinician",
                        "read GET /visits user-coordinator coordinator",
                        "read GET /patients user-coordinator coordinator"),
                entries.stream()
                        .map(e -> e.get("action").s() + " " + e.get("route").s() + " "
                                + e.get("subject").s() + " " + e.get("roles").s())
                        .toList());
        entries.forEach(e -> assertTrue(e.get("at").s().startsWith("20"), "has a time"));
    }

    @Test
    void failedOrForbiddenRequests_revealNothing_andLeaveNoEntry() {
        String helpNumber = api.registerPatient(null);
        int before = entriesOf(helpNumber).size();

        api.call("GET", "/patients/" + helpNumber, "finance", null);
        api.call(
                "PUT",
                "/patients/" + helpNumber,
                "clinician",
                patient(1985, "female", "RO", null),
                Map.of("If-Match", "\"7\""));

        assertEquals(before, entriesOf(helpNumber).size());
    }

    @Test
    void aReadThatCannotBeAudited_isNotAnswered() {
        String helpNumber = api.registerPatient("Ana");
        api.raw.deleteTable(r -> r.tableName(api.tables.get("AuditTable")));

        var response = api.call("GET", "/patients/" + helpNumber, "clinician", null);

        assertEquals(500, response.status());
        assertNull(response.body().get("name"));
    }

    private List<Map<String, AttributeValue>> entriesOf(String helpNumber) {
        return api.raw
                .query(r -> r.tableName(api.tables.get("AuditTable"))
                        .keyConditionExpression("helpNumber = :h")
                        .expressionAttributeValues(Map.of(":h", AttributeValue.fromS(helpNumber.replace("-", "")))))
                .items();
    }
}
