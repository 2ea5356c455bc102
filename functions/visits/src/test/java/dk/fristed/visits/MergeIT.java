package dk.fristed.visits;

import com.fasterxml.jackson.databind.JsonNode;
import dk.fristed.devkit.FunctionTestbed;
import dk.fristed.devkit.RouteProfiles;
import dk.fristed.helpnumber.HelpNumber;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static dk.fristed.visits.VisitsApi.patient;
import static dk.fristed.visits.VisitsApi.visit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Merging a duplicate record into the surviving one: visits, first visit, pointers, refusals, resumption, erasure. */
class MergeIT {
    private final VisitsApi api = new VisitsApi();

    @Test
    void merge_movesTheDuplicatesVisits_keepsTheEarlierFirstVisit_andLeavesAPointer() {
        String survivor = api.registerPatient("Ana Popescu");
        String duplicate = register(patient(1985, "female", "RO", "Anna Popesku"));
        visitOn(survivor, "odense", "2025-03-10", "L03");
        visitOn(survivor, "odense", "2025-05-01", "R74");
        visitOn(duplicate, "odense", "2025-01-15", "P76");
        visitOn(duplicate, "aarhus", "2025-04-01", "A04");

        var merged = merge(survivor, duplicate, List.of("name"), Map.of());

        assertEquals(200, merged.status(), merged.text());
        assertEquals("Anna Popesku", merged.body().get("name").asText(), "the name the coordinator chose");
        assertEquals("+45 20 12 34 56", merged.body().get("phone").asText());
        assertEquals(List.of(duplicate), strings(merged.body().get("mergedFrom")));
        assertEquals("2025-01-15", merged.body().get("firstVisitDate").asText());
        assertEquals("\"2\"", merged.header("ETag"));
        JsonNode visits = api.call("GET", "/patients/" + survivor + "/visits", "clinician", null)
                .body()
                .get("items");
        assertEquals(List.of("2025-01-15", "2025-03-10", "2025-04-01", "2025-05-01"), field(visits, "date"));
        assertEquals(List.of(true, false, false, false), flags(visits));
        assertEquals(Set.of(survivor), helpNumbers(visits));
        assertEquals(0, partition(duplicate), "nothing is left under the old number");

        // the old number points to the survivor wherever it is used
        assertPointsTo(survivor, api.call("GET", "/patients/" + duplicate, "clinician", null));
        assertPointsTo(survivor, api.call("GET", "/patients/" + duplicate + "/visits", "clinician", null));
        assertPointsTo(
                survivor,
                api.call(
                        "PUT",
                        "/patients/" + duplicate,
                        "clinician",
                        patient(1985, "female", "RO", null),
                        Map.of("If-Match", "\"2\"")));
        assertPointsTo(
                survivor, api.call("POST", "/visits", "clinician", visit(duplicate, "odense", "2025-06-01", "doctor")));
        assertPointsTo(survivor, api.call("DELETE", "/patients/" + duplicate, "admin", null));
        assertEquals(4, partition(survivor), "the visit posted to the old number was refused, not stored");

        // the per-site list counts the patient once; the duplicate search no longer offers the old record
        JsonNode odense = api.call("GET", "/visits?site=odense&from=2025-01-01&to=2025-12-31", "clinician", null)
                .body()
                .get("items");
        assertEquals(Set.of(survivor), helpNumbers(odense));
        String candidates = api.call(
                        "GET",
                        "/patients?birthYear=1985&sex=female&nationality=RO&name=Anna%20Popesku",
                        "clinician",
                        null)
                .text();
        assertFalse(candidates.contains(duplicate));
        Map<String, AttributeValue> pointer = patientItem(duplicate);
        for (String personal : List.of("name", "phone", "languages", "interpreterNeeded", "cohort")) {
            assertFalse(pointer.containsKey(personal), personal + " is still on the duplicate's record");
        }

        // a later visit on an earlier day still takes over "first" on the merged record
        visitOn(survivor, "odense", "2024-12-01", "A97");
        JsonNode after = api.call("GET", "/patients/" + survivor + "/visits", "clinician", null)
                .body()
                .get("items");
        assertEquals(List.of(true, false, false, false, false), flags(after));
    }

    @Test
    void roundTrips_areThoseOfTheRouteProfile() {
        String survivor = api.registerPatient("Ion Rusu");
        String duplicate = api.registerPatient("Ion Russu");
        visitOn(survivor, "odense", "2025-02-01", "A04");
        for (String day : List.of("2025-01-10", "2025-03-10", "2025-04-10")) {
            visitOn(duplicate, "odense", day, "A04");
        }

        var merged = merge(
                survivor,
                duplicate,
                List.of(),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()),
                api.dynamoCalls::reset);

        assertEquals(200, merged.status());
        assertEquals(RouteProfiles.of("POST /patients/{helpNumber}/merges").dynamoCalls(), api.dynamoCalls.list());
    }

    @Test
    void merge_isAuditedUnderBothHelpNumbers() {
        String survivor = api.registerPatient("Ion Rusu");
        String duplicate = api.registerPatient("Ion Russu");

        assertEquals(200, merge(survivor, duplicate, List.of(), Map.of()).status());

        for (String helpNumber : List.of(survivor, duplicate)) {
            var entries = api.raw.query(q -> q.tableName(api.tables.get("AuditTable"))
                    .keyConditionExpression("helpNumber = :h")
                    .expressionAttributeValues(Map.of(":h", AttributeValue.fromS(helpNumber.replace("-", "")))));
            assertTrue(
                    entries.items().stream()
                            .anyMatch(e -> e.get("route").s().equals("POST /patients/{helpNumber}/merges")
                                    && e.get("subject").s().equals("user-coordinator")
                                    && e.get("action").s().equals("change")),
                    helpNumber);
        }
    }

    @Test
    void mergeLargerThanOneTransaction_interruptedHalfway_isResumedByItsRetry() {
        String survivor = api.registerPatient("Mihai Lungu");
        String duplicate = api.registerPatient("Mihail Lungu");
        visitOn(survivor, "aalborg", "2025-02-01", "R05");
        LocalDate day = LocalDate.parse("2024-01-02");
        for (int i = 0; i < 90; i++) { // three steps of 40
            visitOn(
                    duplicate,
                    i % 2 == 0 ? "aalborg" : "odense",
                    day.plusDays(i).toString(),
                    "A04");
        }
        // the second step of moving visits fails as a crash or a timeout would stop it
        String key = UUID.randomUUID().toString();

        // 1: the merge, 2: the first 40 visits, 3: the next 40
        var interrupted = merge(
                survivor,
                duplicate,
                List.of(),
                Map.of("Idempotency-Key", key),
                () -> api.dynamoCalls.failAt("transactWriteItems", 3));

        assertTrue(interrupted.status() >= 500, "the request failed: " + interrupted.status());
        assertEquals(41, partition(survivor), "one step moved");
        assertEquals(50, partition(duplicate), "the rest still waits");
        // the merge itself stands: the old number points to the survivor, the survivor counts every visit once
        assertPointsTo(survivor, api.call("GET", "/patients/" + duplicate, "clinician", null));
        assertEquals(
                "2024-01-02",
                api.call("GET", "/patients/" + survivor, "clinician", null)
                        .body()
                        .get("firstVisitDate")
                        .asText());

        var retried = merge(survivor, duplicate, List.of(), Map.of("Idempotency-Key", key));

        assertEquals(200, retried.status(), retried.text());
        assertEquals("true", retried.header("Idempotent-Replayed"));
        assertEquals(91, partition(survivor));
        assertEquals(0, partition(duplicate));
        List<JsonNode> all = allVisits(survivor);
        assertEquals(91, all.size());
        assertEquals(
                91, new HashSet<>(all.stream().map(v -> v.get("id").asText()).toList()).size(), "no visit doubled");
        assertEquals(
                1, all.stream().filter(v -> v.get("firstVisit").asBoolean()).count());
        assertEquals("2024-01-02", all.get(0).get("date").asText());
        assertTrue(all.get(0).get("firstVisit").asBoolean());
        assertEquals(
                2,
                api.call("GET", "/patients/" + survivor, "clinician", null)
                        .body()
                        .get("version")
                        .asLong(),
                "completing the move changes nothing a client reads");
    }

    @Test
    void interruptedMerge_isCompletedByTheNextVisitListOrVisit_readersNeverSeeHalf() {
        String survivor = api.registerPatient("Olena Shevchenko");
        String duplicate = api.registerPatient("Olena Sevcenko");
        mergeStoppedAfterTheFirstStep(survivor, duplicate);

        // a reader of the survivor's visits sees all of them: the list completes the move first
        assertEquals(45, allVisits(survivor).size());
        assertEquals(0, partition(duplicate));

        // a new merge of the same pair is refused: it is done
        var again = merge(survivor, duplicate, List.of(), Map.of());
        assertEquals(410, again.status());
        assertEquals(survivor, again.body().get("mergedInto").asText());
    }

    @Test
    void interruptedMerge_isCompletedByTheNextVisitRegistered() {
        String survivor = api.registerPatient("Olga Ceban");
        String duplicate = api.registerPatient("Olga Ceban");
        mergeStoppedAfterTheFirstStep(survivor, duplicate);

        // an even earlier visit: the first visit it takes over is one still moving
        visitOn(survivor, "copenhagen", "2024-01-10", "A97");

        assertEquals(0, partition(duplicate));
        List<JsonNode> all = allVisits(survivor);
        assertEquals(46, all.size());
        assertEquals(
                1, all.stream().filter(v -> v.get("firstVisit").asBoolean()).count());
        assertEquals(
                "2024-01-10",
                all.stream()
                        .filter(v -> v.get("firstVisit").asBoolean())
                        .findFirst()
                        .orElseThrow()
                        .get("date")
                        .asText());
    }

    @Test
    void chain_aIntoB_thenBIntoC_leavesAPointingToC() {
        String a = api.registerPatient("Amal Hassan");
        String b = api.registerPatient("Amal Hasan");
        String c = api.registerPatient("Amaal Hassan");
        visitOn(a, "aarhus", "2025-01-05", "A04");
        visitOn(b, "aarhus", "2025-02-05", "A04");
        visitOn(c, "aarhus", "2025-03-05", "A04");

        assertEquals(200, merge(b, a, List.of(), Map.of()).status());
        var second = merge(c, b, List.of(), Map.of());

        assertEquals(200, second.status(), second.text());
        assertEquals(Set.of(a, b), Set.copyOf(strings(second.body().get("mergedFrom"))));
        assertPointsTo(c, api.call("GET", "/patients/" + a, "clinician", null));
        assertPointsTo(c, api.call("GET", "/patients/" + b, "clinician", null));
        assertPointsTo(c, api.call("POST", "/visits", "clinician", visit(a, "aarhus", "2025-06-01", "doctor")));
        JsonNode visits = api.call("GET", "/patients/" + c + "/visits", "clinician", null)
                .body()
                .get("items");
        assertEquals(List.of("2025-01-05", "2025-02-05", "2025-03-05"), field(visits, "date"));
        assertEquals(List.of(true, false, false), flags(visits));
    }

    @Test
    void refusals_sayWhy_andChangeNothing() {
        String survivor = api.registerPatient("Yusuf Ali");
        String duplicate = api.registerPatient("Yusef Ali");
        String erased = api.registerPatient("Yusuf Aly");
        api.call("DELETE", "/patients/" + erased, "admin", null);

        assertProblem(400, "duplicate", merge(survivor, survivor, List.of(), Map.of()));
        assertProblem(410, "duplicate", merge(survivor, erased, List.of(), Map.of()));
        assertProblem(410, "helpNumber", mergeAt(erased, "\"2\"", body(survivor, 1, List.of()), Map.of()));
        assertProblem(404, "duplicate", merge(survivor, HelpNumber.random().formatted(), List.of(), Map.of()));
        assertProblem(
                428,
                "If-Match",
                api.call("POST", "/patients/" + survivor + "/merges", "coordinator", body(duplicate, 1, List.of())));
        assertProblem(412, "If-Match", mergeAt(survivor, "\"7\"", body(duplicate, 1, List.of()), Map.of()));
        assertProblem(412, "duplicateVersion", mergeAt(survivor, "\"1\"", body(duplicate, 3, List.of()), Map.of()));
        assertProblem(400, "duplicateVersion", mergeAt(survivor, "\"1\"", body(duplicate, null, List.of()), Map.of()));
        assertProblem(
                400,
                "takeFromDuplicate[0]",
                mergeAt(survivor, "\"1\"", body(duplicate, 1, List.of("birthYear")), Map.of()));
        assertEquals(
                403,
                api.call(
                                "POST",
                                "/patients/" + survivor + "/merges",
                                "clinician",
                                body(duplicate, 1, List.of()),
                                Map.of("If-Match", "\"1\""))
                        .status());
        assertEquals(
                1,
                api.call("GET", "/patients/" + survivor, "clinician", null)
                        .body()
                        .get("version")
                        .asLong());
        assertEquals(
                1,
                api.call("GET", "/patients/" + duplicate, "clinician", null)
                        .body()
                        .get("version")
                        .asLong());

        assertEquals(200, merge(survivor, duplicate, List.of(), Map.of()).status());
        var already = merge(survivor, duplicate, List.of(), Map.of());
        assertProblem(410, "duplicate", already);
        assertEquals(survivor, already.body().get("mergedInto").asText());
        var intoMerged = mergeAt(duplicate, "\"2\"", body(survivor, 2, List.of()), Map.of());
        assertProblem(410, "helpNumber", intoMerged);
        assertEquals(survivor, intoMerged.body().get("mergedInto").asText());
    }

    @Test
    void retriedMerge_withTheSameKey_mergesOnce() {
        String survivor = api.registerPatient("Fatima Diallo");
        String duplicate = api.registerPatient("Fatoumata Diallo");
        visitOn(duplicate, "odense", "2025-02-02", "A04");
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());

        var first = merge(survivor, duplicate, List.of("phone"), key);
        var second = merge(survivor, duplicate, List.of("phone"), key);

        assertEquals(200, first.status());
        assertEquals(200, second.status());
        assertEquals("true", second.header("Idempotent-Replayed"));
        assertEquals(first.body(), second.body());
        assertEquals(1, partition(survivor));
        assertEquals(
                422, merge(survivor, duplicate, List.of("name"), key).status(), "the same key for another request");
    }

    @Test
    void erasingTheMergedPatient_erasesWhatCameFromBothRecords() {
        String survivor = register(patient(1990, "male", "SY", "Omar Khalil"));
        var duplicateBody = patient(1990, "male", "SY", "Omar Halil");
        duplicateBody.put("phone", "+45 31 98 76 54");
        String duplicate = register(duplicateBody);
        visitOn(duplicate, "aarhus", "2025-02-02", "P76");
        assertEquals(200, merge(survivor, duplicate, List.of("phone"), Map.of()).status());

        assertEquals(
                204, api.call("DELETE", "/patients/" + survivor, "admin", null).status());

        String dump = api.raw
                .scan(s -> s.tableName(api.tables.get("PatientsTable")))
                .items()
                .toString();
        for (String personal : List.of("Omar", "Khalil", "Halil", "31 98 76 54", "20 12 34 56")) {
            assertFalse(dump.contains(personal), "still stored: " + personal.charAt(0) + "…");
        }
        for (String helpNumber : List.of(survivor, duplicate)) {
            Map<String, AttributeValue> item = patientItem(helpNumber);
            assertTrue(
                    item.containsKey("erasedAt"),
                    helpNumber + " is marked erased, so the other functions erase under it too");
            for (String personal :
                    List.of("name", "phone", "languages", "cohort", "birthYear", "sex", "nationality", "mergedFrom")) {
                assertFalse(item.containsKey(personal), personal);
            }
            assertEquals(
                    410,
                    api.call("GET", "/patients/" + helpNumber, "clinician", null)
                            .status());
        }
        assertEquals(0, partition(survivor) + partition(duplicate), "no visit is left under either old number");
        String statistics = api.call("GET", "/visits?site=aarhus&from=2025-02-02&to=2025-02-02", "clinician", null)
                .body()
                .at("/items/0/helpNumber")
                .asText();
        assertEquals(1, partition(statistics), "the visit stays for the statistics, under the erasure's own number");
        assertEquals(
                410,
                api.call("GET", "/patients/" + statistics, "clinician", null).status());
    }

    /** 45 visits on the duplicate; the merge stops before its second step: 40 moved, 5 still under the old number. */
    private void mergeStoppedAfterTheFirstStep(String survivor, String duplicate) {
        LocalDate day = LocalDate.parse("2024-03-01");
        for (int i = 0; i < 45; i++) {
            visitOn(duplicate, "copenhagen", day.plusDays(i).toString(), "A04");
        }
        var stopped =
                merge(survivor, duplicate, List.of(), Map.of(), () -> api.dynamoCalls.failAt("transactWriteItems", 3));
        assertTrue(stopped.status() >= 500, stopped.text());
        assertEquals(5, partition(duplicate));
    }

    private String register(Map<String, Object> body) {
        var created = api.call("POST", "/patients", "clinician", body);
        assertEquals(201, created.status(), created.text());
        return created.body().get("helpNumber").asText();
    }

    private void visitOn(String helpNumber, String site, String date, String diagnosis) {
        var created = api.call("POST", "/visits", "clinician", visit(helpNumber, site, date, "doctor", diagnosis));
        assertEquals(201, created.status(), created.text());
    }

    private FunctionTestbed.Response merge(
            String survivor, String duplicate, List<String> take, Map<String, String> headers) {
        return merge(survivor, duplicate, take, headers, () -> {});
    }

    /** Reads both records as a coordinator would, runs {@code justBefore}, and merges. */
    private FunctionTestbed.Response merge(
            String survivor, String duplicate, List<String> take, Map<String, String> headers, Runnable justBefore) {
        String etag =
                api.call("GET", "/patients/" + survivor, "coordinator", null).header("ETag");
        var read = api.call("GET", "/patients/" + duplicate, "coordinator", null);
        Integer version = read.status() == 200 ? read.body().get("version").asInt() : 1;
        justBefore.run();
        return mergeAt(survivor, etag == null ? "\"1\"" : etag, body(duplicate, version, take), headers);
    }

    private FunctionTestbed.Response mergeAt(
            String survivor, String ifMatch, Map<String, Object> body, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("If-Match", ifMatch);
        return api.call("POST", "/patients/" + survivor + "/merges", "coordinator", body, all);
    }

    private static Map<String, Object> body(String duplicate, Integer version, List<String> take) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("duplicate", duplicate);
        body.put("duplicateVersion", version);
        body.put("takeFromDuplicate", take);
        return body;
    }

    private List<JsonNode> allVisits(String helpNumber) {
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        do {
            var page = api.call(
                    "GET",
                    "/patients/" + helpNumber + "/visits?limit=50" + (cursor == null ? "" : "&cursor=" + cursor),
                    "clinician",
                    null);
            assertEquals(200, page.status(), page.text());
            page.body().get("items").forEach(all::add);
            cursor = page.body().path("nextCursor").asText(null);
        } while (cursor != null);
        return all;
    }

    private int partition(String helpNumber) {
        return api.raw
                .query(q -> q.tableName(api.tables.get("VisitsTable"))
                        .keyConditionExpression("helpNumber = :h")
                        .expressionAttributeValues(Map.of(":h", AttributeValue.fromS(helpNumber.replace("-", "")))))
                .count();
    }

    private Map<String, AttributeValue> patientItem(String helpNumber) {
        return api.raw
                .getItem(g -> g.tableName(api.tables.get("PatientsTable"))
                        .key(Map.of("helpNumber", AttributeValue.fromS(helpNumber.replace("-", "")))))
                .item();
    }

    private static void assertPointsTo(String survivor, FunctionTestbed.Response response) {
        assertEquals(410, response.status(), response.text());
        assertEquals(survivor, response.body().get("mergedInto").asText());
        assertEquals("helpNumber", response.problemField());
    }

    private static void assertProblem(int status, String field, FunctionTestbed.Response response) {
        assertEquals(status, response.status(), response.text());
        assertEquals(field, response.problemField(), response.text());
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static List<String> field(JsonNode items, String name) {
        List<String> values = new ArrayList<>();
        items.forEach(v -> values.add(v.get(name).asText()));
        return values;
    }

    private static List<Boolean> flags(JsonNode items) {
        List<Boolean> values = new ArrayList<>();
        items.forEach(v -> values.add(v.get("firstVisit").asBoolean()));
        return values;
    }

    private static Set<String> helpNumbers(JsonNode items) {
        Set<String> values = new HashSet<>();
        items.forEach(v -> values.add(v.get("helpNumber").asText()));
        return values;
    }
}
