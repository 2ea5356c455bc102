package dk.fristed.reports;

import dk.fristed.devkit.RouteChecks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Recording, changing, listing and removing the sites' open days; each write conditional on what it read. */
class OpenDaysIT {
    private final ReportsApi api = new ReportsApi();

    @Test
    void record_repeat_change_delete() {
        var created = api.expect(201, "PUT", "/open-days/odense/2025-02-03", "coordinator", Map.of("kind", "drop_in"));
        assertEquals("\"1\"", created.header("ETag"));
        assertEquals("drop_in", created.body().get("kind").asText());

        // the same request again (a retry after a lost answer): 200, nothing changed
        assertEquals(
                1,
                api.expect(200, "PUT", "/open-days/odense/2025-02-03", "coordinator", Map.of("kind", "drop_in"))
                        .body()
                        .get("version")
                        .asInt());
        // another kind needs the day's ETag
        api.expect(428, "PUT", "/open-days/odense/2025-02-03", "coordinator", Map.of("kind", "appointment"));
        assertEquals(
                412,
                api.call(
                                "PUT",
                                "/open-days/odense/2025-02-03",
                                "coordinator",
                                Map.of("kind", "appointment"),
                                Map.of("If-Match", "\"7\""))
                        .status());
        var changed = api.call(
                "PUT",
                "/open-days/odense/2025-02-03",
                "admin",
                Map.of("kind", "appointment"),
                Map.of("If-Match", "\"1\""));
        assertEquals(200, changed.status());
        assertEquals("\"2\"", changed.header("ETag"));

        api.expect(201, "PUT", "/open-days/odense/2025-02-05", "coordinator", Map.of("kind", "drop_in"));
        api.expect(201, "PUT", "/open-days/aarhus/2025-02-04", "coordinator", Map.of("kind", "drop_in"));
        var odense = api.expect(200, "GET", "/open-days?site=odense&from=2025-02-01&to=2025-02-28", "coordinator", null)
                .body();
        assertEquals(List.of("2025-02-03", "2025-02-05"), dates(odense));
        assertEquals("appointment", odense.get("items").get(0).get("kind").asText());

        assertEquals(
                412,
                api.call("DELETE", "/open-days/odense/2025-02-03", "coordinator", null, Map.of("If-Match", "\"1\""))
                        .status());
        assertEquals(
                428,
                api.call("DELETE", "/open-days/odense/2025-02-03", "coordinator", null)
                        .status());
        assertEquals(
                204,
                api.call("DELETE", "/open-days/odense/2025-02-03", "coordinator", null, Map.of("If-Match", "\"2\""))
                        .status());
        assertEquals(
                404,
                api.call("DELETE", "/open-days/odense/2025-02-03", "coordinator", null, Map.of("If-Match", "\"2\""))
                        .status());
        assertEquals(
                List.of("2025-02-05"),
                dates(api.expect(
                                200, "GET", "/open-days?site=odense&from=2025-02-01&to=2025-02-28", "coordinator", null)
                        .body()));
    }

    @Test
    void aLongListIsPaged_withASignedCursor() {
        for (int day = 1; day <= 12; day++) {
            api.expect(
                    201,
                    "PUT",
                    "/open-days/aalborg/2025-01-%02d".formatted(day),
                    "coordinator",
                    Map.of("kind", "drop_in"));
        }
        var first = api.expect(
                        200,
                        "GET",
                        "/open-days?site=aalborg&from=2025-01-01&to=2025-01-31&limit=5",
                        "coordinator",
                        null)
                .body();
        assertEquals(5, first.get("items").size());
        String cursor = first.get("nextCursor").asText();
        var second = api.expect(
                        200,
                        "GET",
                        "/open-days?site=aalborg&from=2025-01-01&to=2025-01-31&limit=10&cursor=" + cursor,
                        "coordinator",
                        null)
                .body();
        assertEquals(7, second.get("items").size());
        assertEquals(
                400,
                api.call(
                                "GET",
                                "/open-days?site=aarhus&from=2025-01-01&to=2025-01-31&cursor=" + cursor,
                                "coordinator",
                                null)
                        .status(),
                "a cursor is signed for its own query");
    }

    @Test
    void badInput_namesTheField_andRolesAreKept() {
        assertEquals(
                "kind",
                api.expect(400, "PUT", "/open-days/odense/2025-02-03", "coordinator", Map.of("kind", "sometimes"))
                        .problemField());
        assertEquals(
                "date",
                api.expect(400, "PUT", "/open-days/odense/2025-02-30", "coordinator", Map.of("kind", "drop_in"))
                        .problemField());
        assertEquals(
                "date",
                api.expect(400, "PUT", "/open-days/odense/2027-06-01", "coordinator", Map.of("kind", "drop_in"))
                        .problemField());
        assertEquals(
                "site",
                api.expect(400, "PUT", "/open-days/oslo/2025-02-03", "coordinator", Map.of("kind", "drop_in"))
                        .problemField());
        api.expect(403, "PUT", "/open-days/odense/2025-02-03", "clinician", Map.of("kind", "drop_in"));
        api.expect(403, "GET", "/open-days?site=odense&from=2025-01-01&to=2025-01-31", "finance", null);
    }

    @Test
    void eachRoute_makesTheCallsItsProfileSays() {
        RouteChecks.assertCalls(
                api.testbed,
                "PUT /open-days/{site}/{date}",
                () -> api.expect(201, "PUT", "/open-days/odense/2025-02-10", "coordinator", Map.of("kind", "drop_in")));
        RouteChecks.assertCalls(
                api.testbed,
                "GET /open-days",
                () -> api.expect(
                        200, "GET", "/open-days?site=odense&from=2025-02-01&to=2025-02-28", "coordinator", null));
        RouteChecks.assertCalls(
                api.testbed,
                "DELETE /open-days/{site}/{date}",
                () -> api.call(
                        "DELETE", "/open-days/odense/2025-02-10", "coordinator", null, Map.of("If-Match", "\"1\"")));
    }

    private static List<String> dates(com.fasterxml.jackson.databind.JsonNode page) {
        return page.get("items").findValuesAsText("date");
    }
}
