package dk.fristed.visits;

import dk.fristed.devkit.FunctionTestbed;
import dk.fristed.devkit.RouteProfiles;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import static dk.fristed.visits.VisitsApi.patient;
import static dk.fristed.visits.VisitsApi.visit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The visit routes against DynamoDB Local with template.yaml's tables. */
class VisitsIT {
    /** 2025-06-30 at noon in Copenhagen. */
    private final VisitsApi api = new VisitsApi(Clock.fixed(Instant.parse("2025-06-30T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void postVisit_firstAndReturning_firstVisitIsDerived() {
        String helpNumber = api.registerPatient("Ana Popescu");

        var first = api.call(
                "POST", "/visits", "clinician", visit(helpNumber, "copenhagen", "2025-03-04", "doctor", "L03", "t90"));
        var second = api.call("POST", "/visits", "clinician", visit(helpNumber, "odense", "2025-04-01", "dentist"));

        assertEquals(201, first.status());
        assertTrue(first.body().get("firstVisit").asBoolean());
        assertEquals(List.of("L03", "T90"), texts(first.body().get("diagnoses")));
        assertFalse(second.body().get("firstVisit").asBoolean());
        assertEquals(
                "2025-03-04",
                api.call("GET", "/patients/" + helpNumber, "clinician", null)
                        .body()
                        .get("firstVisitDate")
                        .asText());
    }

    @Test
    void postVisit_backDatedBeforeTheFirst_takesOverFirstVisit() {
        String helpNumber = api.registerPatient(null);
        api.call("POST", "/visits", "clinician", visit(helpNumber, "copenhagen", "2025-03-04", "doctor"));

        var earlier = api.call("POST", "/visits", "clinician", visit(helpNumber, "copenhagen", "2025-01-15", "nurse"));

        assertTrue(earlier.body().get("firstVisit").asBoolean());
        var visits = api.call("GET", "/patients/" + helpNumber + "/visits", "clinician", null)
                .body()
                .get("items");
        assertEquals("2025-01-15", visits.get(0).get("date").asText());
        assertTrue(visits.get(0).get("firstVisit").asBoolean());
        assertFalse(visits.get(1).get("firstVisit").asBoolean(), "exactly one visit is the first");
    }

    @Test
    void postVisit_concurrentFirstVisits_exactlyOneIsFirst() throws Exception {
        String helpNumber = api.registerPatient(null);
        List<Callable<FunctionTestbed.Response>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            calls.add(() ->
                    api.call("POST", "/visits", "clinician", visit(helpNumber, "aarhus", "2025-05-05", "doctor")));
        }
        var pool = Executors.newFixedThreadPool(6);
        try {
            for (var future : pool.invokeAll(calls)) {
                assertEquals(201, future.get().status());
            }
        } finally {
            pool.shutdown();
        }
        var visits = api.call("GET", "/patients/" + helpNumber + "/visits", "clinician", null)
                .body()
                .get("items");
        assertEquals(6, visits.size());
        long firsts = 0;
        for (var v : visits) {
            firsts += v.get("firstVisit").asBoolean() ? 1 : 0;
        }
        assertEquals(1, firsts);
    }

    /**
     * A correction or an erasure reads the (signed) record and puts it back whole; a first visit
     * registered in between sets firstVisitKey without a new version. Staged exactly there, the visit
     * must keep its mark and the correction must still succeed (it reads again and retries).
     */
    @Test
    void putAndDelete_withAFirstVisitRegisteredBetweenTheirReadAndWrite_keepTheFirstVisit() {
        String helpNumber = api.registerPatient("Amina Yusuf");
        api.dynamoCalls.beforeNext(
                "transactWriteItems",
                () -> assertEquals(
                        201,
                        api.call("POST", "/visits", "clinician", visit(helpNumber, "aalborg", "2025-04-02", "nurse"))
                                .status()));

        var corrected = api.call(
                "PUT",
                "/patients/" + helpNumber,
                "clinician",
                patient(1985, "female", "SO", "Amina Y."),
                Map.of("If-Match", "\"1\""));

        assertEquals(200, corrected.status());
        assertEquals("2025-04-02", corrected.body().path("firstVisitDate").asText());
        assertEquals(
                "2025-04-02",
                api.call("GET", "/patients/" + helpNumber, "clinician", null)
                        .body()
                        .path("firstVisitDate")
                        .asText());

        api.dynamoCalls.beforeNext(
                "transactWriteItems",
                () -> assertEquals(
                        201,
                        api.call("POST", "/visits", "clinician", visit(helpNumber, "aalborg", "2025-03-30", "doctor"))
                                .status()));
        assertEquals(
                204,
                api.call("DELETE", "/patients/" + helpNumber, "admin", null).status());
        // the visits and the first visit went to the erasure's statistical record
        String statistics = api.call("GET", "/visits?site=aalborg&from=2025-03-30&to=2025-03-30", "clinician", null)
                .body()
                .at("/items/0/helpNumber")
                .asText();
        var stored = api.raw
                .getItem(r -> r.tableName(api.tables.get("PatientsTable"))
                        .key(Map.of("helpNumber", AttributeValue.fromS(statistics.replace("-", "")))))
                .item();
        assertTrue(stored.containsKey("erasedAt"));
        assertEquals(
                "2025-03-30", stored.get("firstVisitKey").s().substring(0, 10), "the earlier visit is still the first");
    }

    @Test
    void postVisit_sameIdempotencyKey_registersOneVisit() {
        String helpNumber = api.registerPatient(null);
        Map<String, String> key = Map.of("Idempotency-Key", "visit-retry-after-dropped-connection");
        var body = visit(helpNumber, "aalborg", "2025-06-01", "midwife", "W78");

        var first = api.call("POST", "/visits", "coordinator", body, key);
        var retry = api.call("POST", "/visits", "coordinator", body, key);

        assertEquals(201, retry.status());
        assertEquals("true", retry.header("Idempotent-Replayed"));
        assertEquals(first.body(), retry.body());
        assertEquals(
                1,
                api.call("GET", "/patients/" + helpNumber + "/visits", "clinician", null)
                        .body()
                        .get("items")
                        .size());
    }

    @Test
    void getReference_listsWhatAVisitIsCheckedAgainst_forEveryRole() {
        String helpNumber = api.registerPatient(null);
        for (String role : List.of("clinician", "coordinator", "finance", "admin")) {
            api.dynamoCalls.reset();
            var response = api.call("GET", "/reference?site=%00&x=" + "a".repeat(500), role, null);
            assertEquals(200, response.status(), role);
            assertEquals("private, max-age=3600", response.header("Cache-Control"));
            assertEquals(RouteProfiles.of("GET /reference").dynamoCalls(), api.dynamoCalls.list(), "no database");
            assertEquals(
                    List.of("copenhagen", "aarhus", "odense", "aalborg"),
                    texts(response.body().get("sites")));
        }
        var lists = api.call("GET", "/reference", "clinician", null).body();
        assertTrue(texts(lists.get("services")).contains("social_worker"));
        assertEquals(
                List.of("medicine", "laboratory", "treatment_materials", "rent", "cleaning", "it", "other"),
                texts(lists.get("budgetCategories")));
        // what the lists hold is what a visit accepts: the last code and site, every service
        List<String> codes = texts(lists.get("diagnosisCodes"));
        for (String service : texts(lists.get("services"))) {
            var visit = visit(helpNumber, "aalborg", "2025-03-04", service, codes.get(codes.size() - 1), "R91");
            assertEquals(201, api.call("POST", "/visits", "clinician", visit).status(), service);
        }
        assertFalse(codes.contains("Z99"));
    }

    @Test
    void postVisit_invalidInput_namesTheField() {
        String helpNumber = api.registerPatient(null);
        Map<String, Map<String, Object>> cases = new java.util.LinkedHashMap<>();
        cases.put("site", visit(helpNumber, "malmo", "2025-03-04", "doctor"));
        cases.put("service", visit(helpNumber, "odense", "2025-03-04", "surgeon"));
        cases.put("date", visit(helpNumber, "odense", "2025-07-01", "doctor"));
        cases.put("diagnoses[1]", visit(helpNumber, "odense", "2025-03-04", "doctor", "L03", "Q12"));
        cases.put("diagnoses[0]", visit(helpNumber, "odense", "2025-03-04", "doctor", "L3"));
        // the form of an ICPC-2 code, but not one ICPC-2 has
        cases.put("diagnoses[3]", visit(helpNumber, "odense", "2025-03-04", "doctor", "L03", "T90", "A04", "Z99"));
        cases.put("diagnoses[2]", visit(helpNumber, "odense", "2025-03-04", "doctor", "L03", "T90", "L03"));
        var mistyped = visit(
                helpNumber.substring(0, 8) + (helpNumber.charAt(8) == 'A' ? 'C' : 'A'),
                "odense",
                "2025-03-04",
                "doctor");
        cases.put("helpNumber", mistyped);
        cases.forEach((field, body) -> {
            var response = api.call("POST", "/visits", "clinician", body);
            assertEquals(400, response.status(), field + ": " + response.body());
            assertEquals(field, response.problemField());
        });
    }

    @Test
    void aProblem_isToldInTheCallersLanguage_itsKindAndFieldUnchanged() {
        String helpNumber = api.registerPatient(null);
        var body = visit(helpNumber, "malmo", "2025-03-04", "doctor");
        var english = api.call("POST", "/visits", "clinician", body);
        var danish =
                api.call("POST", "/visits", "clinician", body, Map.of("Accept-Language", "da-DK,da;q=0.9,en;q=0.5"));
        var norwegian = api.call("POST", "/visits", "clinician", body, Map.of("Accept-Language", "nb"));

        assertEquals("Invalid request", english.body().get("title").asText());
        assertEquals("Ugyldig forespørgsel", danish.body().get("title").asText());
        assertEquals("Ugyldig forespørsel", norwegian.body().get("title").asText());
        assertEquals(
                "site must be one of copenhagen, aarhus, odense, aalborg",
                english.body().get("detail").asText());
        assertEquals(
                "site skal være en af copenhagen, aarhus, odense, aalborg",
                danish.body().get("detail").asText());
        assertEquals(
                "site må være en av copenhagen, aarhus, odense, aalborg",
                norwegian.body().get("detail").asText());
        for (var answer : List.of(danish, norwegian)) {
            assertEquals(english.body().get("type"), answer.body().get("type"), "the kind a client branches on");
            assertEquals("site", answer.problemField());
        }
    }

    @Test
    void postVisit_unknownPatient_is404AndWritesNothing() {
        var response = api.call(
                "POST",
                "/visits",
                "clinician",
                visit(dk.fristed.helpnumber.HelpNumber.random().formatted(), "odense", "2025-03-04", "doctor"));

        assertEquals(404, response.status());
        assertEquals(
                0, api.raw.scan(r -> r.tableName(api.tables.get("VisitsTable"))).count());
    }

    @Test
    void getSiteVisits_period_listsOnlyThatSiteAndPeriodInDateOrder() {
        String a = api.registerPatient(null);
        String b = api.registerPatient(null);
        api.call("POST", "/visits", "clinician", visit(a, "odense", "2025-02-01", "doctor"));
        api.call("POST", "/visits", "clinician", visit(b, "odense", "2025-03-31", "nurse"));
        api.call("POST", "/visits", "clinician", visit(b, "odense", "2025-01-31", "nurse"));
        api.call("POST", "/visits", "clinician", visit(a, "odense", "2025-04-01", "lab"));
        api.call("POST", "/visits", "clinician", visit(a, "aarhus", "2025-03-01", "doctor"));

        var response = api.call("GET", "/visits?site=odense&from=2025-02-01&to=2025-03-31", "coordinator", null);

        assertEquals(200, response.status());
        var items = response.body().get("items");
        assertEquals(2, items.size());
        assertEquals("2025-02-01", items.get(0).get("date").asText());
        assertEquals("2025-03-31", items.get(1).get("date").asText());
    }

    @Test
    void getSiteVisits_morethanOnePage_followsTheCursor() {
        String a = api.registerPatient(null);
        for (int day = 1; day <= 7; day++) {
            api.call("POST", "/visits", "clinician", visit(a, "aalborg", "2025-05-0" + day, "doctor"));
        }
        List<String> dates = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var page = api.call(
                    "GET",
                    "/visits?site=aalborg&from=2025-05-01&to=2025-05-31&limit=3"
                            + (cursor == null ? "" : "&cursor=" + cursor),
                    "clinician",
                    null);
            page.body().get("items").forEach(v -> dates.add(v.get("date").asText()));
            cursor = page.body().hasNonNull("nextCursor")
                    ? page.body().get("nextCursor").asText()
                    : null;
            pages++;
        } while (cursor != null);

        assertEquals(7, dates.size());
        assertEquals(List.copyOf(new java.util.TreeSet<>(dates)), dates);
        assertTrue(pages >= 3);
    }

    @Test
    void getSiteVisits_badPeriod_is400() {
        assertEquals(
                "to",
                api.call("GET", "/visits?site=odense&from=2025-03-01&to=2025-02-01", "clinician", null)
                        .problemField());
        assertEquals(
                "from",
                api.call("GET", "/visits?site=odense&from=01-03-2025&to=2025-04-01", "clinician", null)
                        .problemField());
        assertEquals(
                "to",
                api.call("GET", "/visits?site=odense&from=2023-01-01&to=2025-04-01", "clinician", null)
                        .problemField());
        assertEquals(
                "site",
                api.call("GET", "/visits?from=2025-01-01&to=2025-04-01", "clinician", null)
                        .problemField());
        assertEquals(
                "limit",
                api.call("GET", "/visits?site=odense&from=2025-01-01&to=2025-04-01&limit=1000", "clinician", null)
                        .problemField());
    }

    @Test
    void getPatientVisits_unknownPatient_is404() {
        var response = api.call(
                "GET", "/patients/" + dk.fristed.helpnumber.HelpNumber.random() + "/visits", "clinician", null);

        assertEquals(404, response.status());
    }

    @Test
    void visitRoutes_financeAndAdmin_areForbidden() {
        assertEquals(
                403,
                api.call("GET", "/visits?site=odense&from=2025-01-01&to=2025-02-01", "finance", null)
                        .status());
        assertEquals(
                403,
                api.call("POST", "/visits", "admin", visit("K7MQ-X9PK", "odense", "2025-03-04", "doctor"))
                        .status());
    }

    @Test
    void roundTrips_visitWriteReadsPatientOnceAndWritesOnce_listsQueryOnce() {
        String helpNumber = api.registerPatient(null);
        api.dynamoCalls.reset();
        api.call(
                "POST",
                "/visits",
                "clinician",
                visit(helpNumber, "odense", "2025-03-04", "doctor"),
                Map.of("Idempotency-Key", "round-trip-visit"));
        assertEquals(RouteProfiles.of("POST /visits").dynamoCalls(), api.dynamoCalls.list());

        api.dynamoCalls.reset();
        api.call("GET", "/patients/" + helpNumber + "/visits", "clinician", null);
        assertEquals(RouteProfiles.of("GET /patients/{helpNumber}/visits").dynamoCalls(), api.dynamoCalls.list());

        api.dynamoCalls.reset();
        api.call("GET", "/visits?site=odense&from=2025-01-01&to=2025-12-31", "clinician", null);
        assertEquals(RouteProfiles.of("GET /visits").dynamoCalls(), api.dynamoCalls.list());
    }

    private static List<String> texts(com.fasterxml.jackson.databind.JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
