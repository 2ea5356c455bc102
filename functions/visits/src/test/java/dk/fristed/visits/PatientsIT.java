package dk.fristed.visits;

import dk.fristed.devkit.RouteProfiles;
import dk.fristed.helpnumber.HelpNumber;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dk.fristed.visits.VisitsApi.patient;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The patient routes against DynamoDB Local with template.yaml's tables. */
class PatientsIT {
    private final VisitsApi api = new VisitsApi();

    @Test
    void postPatient_validBody_issuesCheckedHelpNumberAndStoresMinimalRecord() {
        var created = api.call("POST", "/patients", "coordinator", patient(1985, "female", "RO", "Ana Popescu"));

        assertEquals(201, created.status());
        String helpNumber = created.body().get("helpNumber").asText();
        assertTrue(helpNumber.matches("[" + HelpNumber.ALPHABET + "]{4}-[" + HelpNumber.ALPHABET + "]{4}"), helpNumber);
        assertEquals("/patients/" + helpNumber, created.header("Location"));
        assertEquals("\"1\"", created.header("ETag"));

        var read = api.call("GET", "/patients/" + helpNumber, "clinician", null);
        assertEquals(200, read.status());
        assertEquals(1985, read.body().get("birthYear").asInt());
        assertEquals("female", read.body().get("sex").asText());
        assertEquals("RO", read.body().get("nationality").asText());
        assertEquals("Ana Popescu", read.body().get("name").asText());
        assertEquals(
                List.of(
                        "birthYear",
                        "helpNumber",
                        "interpreterNeeded",
                        "languages",
                        "name",
                        "nationality",
                        "phone",
                        "registeredAt",
                        "sex",
                        "version"),
                fieldNames(read.body()));
    }

    @Test
    void getPatient_mistypedHelpNumber_isRejectedWithoutAskingTheDatabase() {
        String helpNumber = api.registerPatient("Ana Popescu");
        String typo = swapNeighbours(helpNumber.replace("-", ""));
        api.dynamoCalls.reset();

        var response = api.call("GET", "/patients/" + typo, "clinician", null);

        assertEquals(400, response.status());
        assertEquals("application/problem+json", response.header("Content-Type"));
        assertEquals("helpNumber", response.problemField());
        assertTrue(response.body().get("detail").asText().contains("check character does not match"));
        assertEquals(List.of(), api.dynamoCalls.list());
    }

    @Test
    void getPatient_helpNumberTypedInLowerCaseWithoutHyphen_isFound() {
        String helpNumber = api.registerPatient(null);

        var response =
                api.call("GET", "/patients/" + helpNumber.replace("-", "").toLowerCase(), "clinician", null);

        assertEquals(200, response.status());
        assertEquals(helpNumber, response.body().get("helpNumber").asText());
    }

    @Test
    void getPatient_validButUnknownHelpNumber_is404() {
        var response = api.call("GET", "/patients/" + HelpNumber.random().formatted(), "clinician", null);

        assertEquals(404, response.status());
        assertEquals("helpNumber", response.problemField());
    }

    @Test
    void postPatient_sameIdempotencyKey_returnsFirstPatientAndCreatesNothingTwice() {
        Map<String, String> key = Map.of("Idempotency-Key", "8b0d2c1e-4f7a-4e2b-9c55-1a2b3c4d5e6f");
        var first = api.call("POST", "/patients", "coordinator", patient(1990, "male", "ER", "Dawit"), key);
        var retry = api.call("POST", "/patients", "coordinator", patient(1990, "male", "ER", "Dawit"), key);

        assertEquals(201, first.status());
        assertEquals(201, retry.status());
        assertEquals(first.body(), retry.body());
        assertEquals("true", retry.header("Idempotent-Replayed"));
        assertEquals(
                1,
                api.raw.scan(r -> r.tableName(api.tables.get("PatientsTable"))).count());
    }

    @Test
    void postPatient_sameIdempotencyKeyDifferentBody_is422() {
        Map<String, String> key = Map.of("Idempotency-Key", "key-reused-for-another-body");
        api.call("POST", "/patients", "coordinator", patient(1990, "male", "ER", "Dawit"), key);

        var reused = api.call("POST", "/patients", "coordinator", patient(1991, "male", "ER", "Dawit"), key);

        assertEquals(422, reused.status());
        assertEquals("Idempotency-Key", reused.problemField());
    }

    @Test
    void postPatient_sameIdempotencyKeyFromAnotherUser_createsTheirOwnPatient() {
        Map<String, String> key = Map.of("Idempotency-Key", "shared-looking-key-1");
        var mine = api.call("POST", "/patients", "coordinator", patient(1990, "male", "ER", null), key);
        var theirs = api.call("POST", "/patients", "clinician", patient(1990, "male", "ER", null), key);

        assertNotEquals(mine.body().get("helpNumber"), theirs.body().get("helpNumber"));
    }

    @Test
    void postPatient_invalidFields_namesTheFieldAndNeverEchoesTheValue() {
        Map<String, Map<String, Object>> cases = Map.of(
                "birthYear", patient(1850, "female", "RO", null),
                "sex", patient(1985, "woman", "RO", null),
                "nationality", patient(1985, "female", "Romania", null),
                "name", patient(1985, "female", "RO", "Ana\u0000Popescu"));
        cases.forEach((field, body) -> {
            var response = api.call("POST", "/patients", "coordinator", body);
            assertEquals(400, response.status(), field);
            assertEquals(field, response.problemField());
            assertFalse(
                    response.body().toString().contains("Popescu"),
                    response.body().toString());
        });
    }

    @Test
    void postPatient_unknownFieldOrWrongType_is400WithThePath() {
        var unknown = api.call(
                "POST",
                "/patients",
                "coordinator",
                "{\"birthYear\":1985,\"sex\":\"female\",\"nationality\":\"RO\",\"interpreterNeeded\":false,\"cpr\":\"010185-1234\"}");
        var wrongType = api.call(
                "POST",
                "/patients",
                "coordinator",
                "{\"birthYear\":\"1985\",\"sex\":\"female\",\"nationality\":\"RO\",\"interpreterNeeded\":false}");
        var languages = api.call(
                "POST",
                "/patients",
                "coordinator",
                "{\"birthYear\":1985,\"sex\":\"female\",\"nationality\":\"RO\",\"interpreterNeeded\":false,\"languages\":[\"ro\",\"klingon\"]}");
        var malformed = api.call("POST", "/patients", "coordinator", "{\"birthYear\":");

        assertEquals("cpr", unknown.problemField());
        assertEquals("birthYear", wrongType.problemField());
        assertEquals("languages[1]", languages.problemField());
        assertEquals("body", malformed.problemField());
        assertFalse(unknown.body().toString().contains("010185"));
    }

    @Test
    void putPatient_withCurrentETag_replacesDetailsAndBumpsVersion() {
        String helpNumber = api.registerPatient("Ana Popescu");
        var body = patient(1985, "female", "RO", null);

        var updated = api.call("PUT", "/patients/" + helpNumber, "clinician", body, Map.of("If-Match", "\"1\""));

        assertEquals(200, updated.status());
        assertEquals("\"2\"", updated.header("ETag"));
        assertNull(updated.body().get("name"), "a name sent as absent is removed");
    }

    @Test
    void putPatient_staleETag_is412AndChangesNothing() {
        String helpNumber = api.registerPatient("Ana Popescu");
        api.call(
                "PUT",
                "/patients/" + helpNumber,
                "clinician",
                patient(1985, "female", "RO", "Ana P."),
                Map.of("If-Match", "\"1\""));

        var stale = api.call(
                "PUT",
                "/patients/" + helpNumber,
                "clinician",
                patient(1986, "female", "RO", "Ana"),
                Map.of("If-Match", "\"1\""));

        assertEquals(412, stale.status());
        assertEquals(
                "Ana P.",
                api.call("GET", "/patients/" + helpNumber, "clinician", null)
                        .body()
                        .get("name")
                        .asText());
    }

    @Test
    void putPatient_withoutIfMatch_is428() {
        String helpNumber = api.registerPatient(null);

        var response = api.call("PUT", "/patients/" + helpNumber, "clinician", patient(1985, "female", "RO", null));

        assertEquals(428, response.status());
        assertEquals("If-Match", response.problemField());
    }

    @Test
    void putPatient_unknownHelpNumber_is404() {
        var response = api.call(
                "PUT",
                "/patients/" + HelpNumber.random(),
                "clinician",
                patient(1985, "female", "RO", null),
                Map.of("If-Match", "\"1\""));

        assertEquals(404, response.status());
    }

    @Test
    void searchDuplicates_sameCohortSimilarName_listsCandidatesBestFirstWithoutNames() {
        String similar = api.registerPatient("Ana-Maria Popescu");
        String other = api.registerPatient("Elena Ionescu");
        api.call("POST", "/patients", "clinician", patient(1985, "male", "RO", "Ana Popescu")); // other cohort

        var response = api.call(
                "GET",
                "/patients?birthYear=1985&sex=female&nationality=ro&name=ana%20maria%20popesku",
                "coordinator",
                null);

        assertEquals(200, response.status());
        var items = response.body().get("items");
        assertEquals(2, items.size());
        assertEquals(similar, items.get(0).get("helpNumber").asText());
        assertEquals("similar", items.get(0).get("nameMatch").asText());
        assertEquals(other, items.get(1).get("helpNumber").asText());
        assertEquals("different", items.get(1).get("nameMatch").asText());
        assertFalse(response.body().toString().contains("Popescu"));
        assertFalse(response.body().toString().contains("+45"));
    }

    @Test
    void searchDuplicates_manyCandidates_pagesWithSignedCursor() {
        for (int i = 0; i < 5; i++) {
            api.registerPatient(null);
        }
        var first = api.call("GET", "/patients?birthYear=1985&sex=female&nationality=RO&limit=3", "clinician", null);
        String cursor = first.body().get("nextCursor").asText();
        var second = api.call(
                "GET",
                "/patients?birthYear=1985&sex=female&nationality=RO&limit=3&cursor=" + cursor,
                "clinician",
                null);
        var otherQuery = api.call(
                "GET",
                "/patients?birthYear=1986&sex=female&nationality=RO&limit=3&cursor=" + cursor,
                "clinician",
                null);
        var forged = api.call(
                "GET",
                "/patients?birthYear=1985&sex=female&nationality=RO&cursor=" + cursor.replaceFirst(".", "x"),
                "clinician",
                null);

        assertEquals(3, first.body().get("items").size());
        assertEquals(2, second.body().get("items").size());
        assertTrue(second.body().get("nextCursor") == null
                || second.body().get("nextCursor").isNull());
        assertEquals(400, otherQuery.status());
        assertEquals("cursor", otherQuery.problemField());
        assertEquals(400, forged.status());
    }

    @Test
    void searchDuplicates_missingParameter_is400() {
        var response = api.call("GET", "/patients?birthYear=1985&sex=female", "clinician", null);

        assertEquals(400, response.status());
        assertEquals("nationality", response.problemField());
    }

    @Test
    void patientRoutes_noTokenOrWrongRole_are401And403() {
        String helpNumber = api.registerPatient("Ana Popescu");

        assertEquals(401, api.call("GET", "/patients/" + helpNumber, null, null).status());
        assertEquals(
                403, api.call("GET", "/patients/" + helpNumber, "finance", null).status());
        assertEquals(
                403,
                api.call("POST", "/patients", "admin", patient(1985, "female", "RO", null))
                        .status());
    }

    @Test
    void oneRoundTripPerWriteAndPerRead() {
        String helpNumber = api.registerPatient("Ana Popescu");
        api.dynamoCalls.reset();
        api.call(
                "POST",
                "/patients",
                "clinician",
                patient(1985, "female", "RO", null),
                Map.of("Idempotency-Key", "round-trip-key"));
        assertEquals(RouteProfiles.of("POST /patients").dynamoCalls(), api.dynamoCalls.list());

        api.dynamoCalls.reset();
        api.call("GET", "/patients/" + helpNumber, "clinician", null);
        assertEquals(RouteProfiles.of("GET /patients/{helpNumber}").dynamoCalls(), api.dynamoCalls.list());

        api.dynamoCalls.reset();
        api.call(
                "PUT",
                "/patients/" + helpNumber,
                "clinician",
                patient(1985, "female", "RO", null),
                Map.of("If-Match", "\"1\""));
        assertEquals(RouteProfiles.of("PUT /patients/{helpNumber}").dynamoCalls(), api.dynamoCalls.list());

        api.dynamoCalls.reset();
        api.call("GET", "/patients?birthYear=1985&sex=female&nationality=RO", "clinician", null);
        assertEquals(RouteProfiles.of("GET /patients").dynamoCalls(), api.dynamoCalls.list());

        api.dynamoCalls.reset();
        assertEquals(
                204,
                api.call("DELETE", "/patients/" + helpNumber, "admin", null).status());
        assertEquals(RouteProfiles.of("DELETE /patients/{helpNumber}").dynamoCalls(), api.dynamoCalls.list());
    }

    private static List<String> fieldNames(com.fasterxml.jackson.databind.JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        java.util.Collections.sort(names);
        return names;
    }

    private static String swapNeighbours(String compact) {
        for (int i = 0; i < compact.length() - 1; i++) {
            if (compact.charAt(i) != compact.charAt(i + 1)) {
                return compact.substring(0, i) + compact.charAt(i + 1) + compact.charAt(i) + compact.substring(i + 2);
            }
        }
        throw new AssertionError("no two different neighbours");
    }
}
