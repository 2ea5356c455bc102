package dk.fristed.reports;

import com.fasterxml.jackson.databind.JsonNode;
import dk.fristed.devkit.RouteChecks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A curious reader with every publishable report of a small year, seeded with rare combinations: one
 * person of a nationality, sex, age group or diagnosis chapter at a site, a site with four patients, one
 * complaint. The reader sets each site beside all sites and the sites' sum beside all sites (here no
 * patient visits two sites, so all sites are exactly the sum: the reader's best case), reads the order of
 * the lists, and works out bounds for every hidden count ({@link HiddenCounts}). No hidden count may be
 * pinned to a value, or to fewer values than the threshold. The same reader against the same reports
 * protected one table at a time must pin some: that is what the test is for.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublishableAttackIT {
    private static final int T = ReportsApi.THRESHOLD;
    private static final List<String> SITES = ReportsApi.SITES.names();
    private final ReportsApi api = new ReportsApi();

    @BeforeAll
    void seedASmallYear() {
        Random random = new Random(2024);
        Map<String, Integer> patientsAt = Map.of("copenhagen", 28, "aarhus", 18, "odense", 12, "aalborg", 4);
        int n = 0;
        for (String site : SITES) {
            for (int i = 0; i < patientsAt.get(site); i++, n++) {
                // the rare ones: Eritrean at Aalborg, Iranians at Odense, one Afghan and one "other" sex at Aarhus, one
                // child at Odense
                String nationality = site.equals("aalborg") && i == 0
                        ? "ER"
                        : site.equals("odense") && i < 2
                                ? "IR"
                                : site.equals("aarhus") && i == 0
                                        ? "AF"
                                        : List.of("RO", "RO", "ET", "SY").get(random.nextInt(4));
                String sex = site.equals("aarhus") && i == 1 ? "other" : random.nextBoolean() ? "female" : "male";
                int birthYear = site.equals("odense") && i == 3 ? 2012 : 1950 + random.nextInt(50);
                String helpNumber = api.expect(
                                201,
                                "POST",
                                "/patients",
                                "coordinator",
                                Map.of(
                                        "birthYear",
                                        birthYear,
                                        "sex",
                                        sex,
                                        "nationality",
                                        nationality,
                                        "languages",
                                        List.of("en"),
                                        "interpreterNeeded",
                                        false,
                                        "name",
                                        "P" + n))
                        .body()
                        .get("helpNumber")
                        .asText();
                if (i % 7 == 0) {
                    visit(helpNumber, site, LocalDate.of(2023, 11, 1 + i % 20), "doctor", List.of("A04"));
                }
                String rare =
                        site.equals("aalborg") && i == 0 ? "W11" : site.equals("aarhus") && i == 2 ? "P76" : "L03";
                visit(
                        helpNumber,
                        site,
                        LocalDate.of(2024, 1 + random.nextInt(12), 1 + random.nextInt(28)),
                        site.equals("aalborg") && i == 0 ? "psychologist" : "doctor",
                        List.of("R74", rare));
                if (random.nextInt(3) == 0) {
                    visit(
                            helpNumber,
                            site,
                            LocalDate.of(2024, 1 + random.nextInt(12), 1 + random.nextInt(28)),
                            "nurse",
                            List.of("A04"));
                }
                if ((site.equals("copenhagen") && i < 12) || (site.equals("aarhus") && i < 10)) {
                    refer(helpNumber, site, i, site.equals("aarhus") && i == 4);
                }
            }
        }
    }

    @Test
    void everyHiddenCount_keepsAtLeastThresholdPossibleValues_againstEveryReportOfTheYear() {
        Map<String, JsonNode> published = new LinkedHashMap<>();
        published.put(
                "all",
                api.expect(200, "GET", "/reports/2024?version=publishable", "coordinator", null)
                        .body());
        for (String site : SITES) {
            var answer = api.call("GET", "/reports/2024?version=publishable&site=" + site, "coordinator", null);
            if (answer.status() == 200) {
                published.put(site, answer.body());
            } else {
                assertEquals(422, answer.status(), site + ": " + answer.body());
                assertEquals("site", answer.problemField());
            }
        }
        assertTrue(
                !published.containsKey("aalborg") && published.size() == 1 + SITES.size() - 2,
                "Aalborg (four patients) is not published apart, and one other site is hidden with it: "
                        + published.keySet());
        Map<String, JsonNode> exact = internalTables();

        var after = HiddenCounts.attack(HiddenCounts.fromPublished(published, exact), exact, T);
        var before = HiddenCounts.attack(HiddenCounts.oneTableAtATime(exact, T), exact, T);
        System.out.println(
                "PublishableAttackIT: one table at a time: " + before + "; across the year's tables: " + after);
        assertTrue(
                before.pinned() + before.narrow() > 0,
                "the reader breaks a protection of one table at a time: " + before);
        assertTrue(after.hidden() > 20, "this year has hidden counts to attack: " + after);
        assertEquals(0, after.pinned() + after.narrow(), "what the reader pins: " + after.examples());
    }

    @Test
    void theListsOrder_andWhichNationalitiesAreListed_areTheSameInEveryTable() {
        List<List<String>> lists = new ArrayList<>();
        for (String scope : List.of("", "&site=copenhagen", "&site=aarhus")) {
            List<String> listed = new ArrayList<>();
            api.expect(200, "GET", "/reports/2024?version=publishable" + scope, "finance", null)
                    .body()
                    .at("/patients/byNationality")
                    .forEach(nationality ->
                            listed.add(nationality.get("nationality").asText()));
            assertEquals(listed.stream().sorted().toList(), listed, "by code");
            lists.add(listed);
        }
        assertEquals(lists.get(0), lists.get(1));
        assertEquals(lists.get(0), lists.get(2));
        assertTrue(
                !lists.get(0).contains("ER")
                        && !lists.get(0).contains("AF")
                        && !lists.get(0).contains("IR"),
                lists.get(0).toString());
    }

    @Test
    void onlyAnEndedCalendarYearIsPublishable_soNoTwoPublishableReportsOverlapButAsSitesOfOneYear() {
        for (String period : List.of(
                "from=2024-01-01&to=2024-03-31",
                "from=2024-01-01&to=2024-12-30",
                "from=2024-01-02&to=2024-12-31",
                "from=2024-07-01&to=2025-02-28")) {
            var refused = api.expect(400, "GET", "/reports?" + period + "&version=publishable", "coordinator", null);
            assertEquals("version", refused.problemField(), period);
            assertEquals(
                    "version",
                    api.expect(400, "GET", "/reports?" + period, "finance", null)
                            .problemField(),
                    period);
        }
        // the year still running (1 March 2025 on the test's clock) changes every day: set beside itself it would give
        // visits away
        assertEquals(
                "version",
                api.expect(400, "GET", "/reports/2025?version=publishable", "coordinator", null)
                        .problemField());
        assertEquals(
                200,
                api.call("GET", "/reports?from=2024-01-01&to=2024-12-31&version=publishable", "finance", null)
                        .status());
        assertEquals(
                200,
                api.call("GET", "/reports?from=2024-01-01&to=2024-03-31", "coordinator", null)
                        .status(),
                "internal: any period");
    }

    private Map<String, JsonNode> internalTables() {
        Map<String, JsonNode> exact = new LinkedHashMap<>();
        exact.put(
                "all",
                api.expect(200, "GET", "/reports/2024", "coordinator", null).body());
        for (String site : SITES) {
            exact.put(
                    site,
                    api.expect(200, "GET", "/reports/2024?site=" + site, "coordinator", null)
                            .body());
        }
        return exact;
    }

    private void visit(String helpNumber, String site, LocalDate date, String service, List<String> diagnoses) {
        api.expect(
                201,
                "POST",
                "/visits",
                "clinician",
                Map.of(
                        "helpNumber",
                        helpNumber,
                        "site",
                        site,
                        "date",
                        date.toString(),
                        "service",
                        service,
                        "diagnoses",
                        diagnoses));
    }

    private void refer(String helpNumber, String site, int i, boolean rejectedWithComplaint) {
        LocalDate date = LocalDate.of(2024, 1 + i % 12, 5);
        String kind = site.equals("aarhus") && i == 4 ? "psychiatric_outpatient" : "examination";
        Map<String, Object> body = new TreeMap<>(Map.of(
                "helpNumber",
                helpNumber,
                "site",
                site,
                "date",
                date.toString(),
                "kind",
                kind,
                "receiver",
                "Hospital",
                "urgency",
                "routine",
                "clinicalQuestion",
                "Pain."));
        if (kind.equals("examination")) {
            body.put("modality", "ultrasound");
        }
        String id = api.expect(201, "POST", "/referrals", "clinician", body)
                .body()
                .get("id")
                .asText();
        List<Map<String, Object>> steps = new ArrayList<>(List.of(RouteChecks.action("send", "date", date.toString())));
        if (rejectedWithComplaint) {
            steps.add(RouteChecks.action("reject", "date", date.plusDays(5).toString(), "reason", "no_health_rights"));
            steps.add(RouteChecks.action(
                    "file_complaint",
                    "date",
                    date.plusDays(9).toString(),
                    "complaintBody",
                    "patient_complaints_board"));
        }
        RouteChecks.walk(api.testbed, "/referrals/" + id, "clinician", 1, steps);
    }
}
