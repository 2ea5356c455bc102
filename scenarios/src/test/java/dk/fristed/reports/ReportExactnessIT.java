package dk.fristed.reports;

import com.fasterxml.jackson.databind.JsonNode;
import dk.fristed.json.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A year made through the public API (ClinicYear) whose true figures are known, and the report's
 * answer compared with every one of them: for all sites and one, for the year and a shorter period.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportExactnessIT {
    private final ReportsApi api = new ReportsApi();
    private ClinicYear year;

    @BeforeAll
    void makeTheYear() {
        year = ClinicYear.make(api, 60, 2024);
    }

    @Test
    void theYear_allSites_everyFigureExact() {
        JsonNode report =
                api.expect(200, "GET", "/reports/2024", "coordinator", null).body();
        assertFigures(report, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), Optional.empty());
        JsonNode funding = report.get("funding");
        assertEquals(year.need, funding.get("need").asLong());
        assertEquals(year.received, funding.get("received").asLong());
        assertEquals(year.need - year.received, funding.get("gap").asLong());
        assertEquals("30.00", funding.get("percentFunded").asText());
    }

    @Test
    void theYear_oneSite_everyFigureExact_andNoFunding() {
        JsonNode report = api.expect(200, "GET", "/reports/2024?site=aarhus", "admin", null)
                .body();
        assertFigures(report, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), Optional.of("aarhus"));
        assertTrue(report.path("funding").isMissingNode(), "funding is organisation-wide: not in a site's report");
    }

    @Test
    void aShorterPeriod_allSitesAndOneSite_everyFigureExact() {
        LocalDate from = LocalDate.of(2024, 3, 1);
        LocalDate to = LocalDate.of(2024, 6, 30);
        assertFigures(
                api.expect(200, "GET", "/reports?from=2024-03-01&to=2024-06-30", "coordinator", null)
                        .body(),
                from,
                to,
                Optional.empty());
        assertFigures(
                api.expect(200, "GET", "/reports?from=2024-03-01&to=2024-06-30&site=copenhagen", "coordinator", null)
                        .body(),
                from,
                to,
                Optional.of("copenhagen"));
    }

    @Test
    void theCsv_holdsTheSameFigures() {
        JsonNode report =
                api.expect(200, "GET", "/reports/2024", "coordinator", null).body();
        String csv = api.expect(200, "GET", "/reports/2024?format=csv", "coordinator", null)
                .text();
        Map<String, String> rows = new LinkedHashMap<>();
        csv.replace("\uFEFF", "").lines().skip(1).forEach(line -> {
            int comma = line.lastIndexOf(',');
            rows.put(line.substring(0, comma), line.substring(comma + 1).replace("\"", ""));
        });
        assertEquals(report.at("/patients/total").asText(), rows.get("patients.total"));
        assertEquals(report.at("/patients/bySex/female").asText(), rows.get("patients.bySex.female"));
        assertEquals(report.at("/diagnoses/byChapter/L").asText(), rows.get("diagnoses.byChapter.L"));
        assertEquals(
                report.at("/patients/byNationality/0/share").asText(),
                rows.get("patients.byNationality."
                        + report.at("/patients/byNationality/0/nationality").asText() + ".share"));
        assertEquals(report.at("/invoices/amounts/0/credited").asText(), rows.get("invoices.amounts.DKK.credited"));
        assertEquals(report.at("/funding/gap").asText(), rows.get("funding.gap"));

        // the same year asked as a period: the same file
        assertEquals(
                csv,
                api.expect(200, "GET", "/reports?from=2024-01-01&to=2024-12-31&format=csv", "coordinator", null)
                        .text());

        // in Danish: Danish headers, a semicolon between the cells, a decimal comma in a share
        List<String> danish = api.expect(200, "GET", "/reports/2024?format=csv&locale=da", "coordinator", null)
                .text()
                .replace("\uFEFF", "")
                .lines()
                .toList();
        assertEquals("Tal;Værdi", danish.get(0));
        String share = report.at("/patients/byNationality/0/share").asText();
        assertTrue(share.contains("."), share);
        assertTrue(
                danish.contains("patients.byNationality."
                        + report.at("/patients/byNationality/0/nationality").asText() + ".share;"
                        + share.replace('.', ',')),
                "a share with a decimal comma");
        assertTrue(
                danish.contains("patients.total;" + report.at("/patients/total").asText()));
    }

    @Test
    void thePublishableVersion_hidesTheSameCategoriesInEveryTableOfTheYear_addingUpToZeroOrTenOrMore() {
        // patients here visit several sites, unlike PublishableAttackIT's: the tables are not sums of each other
        Map<String, JsonNode> published = new LinkedHashMap<>();
        Map<String, JsonNode> internal = new LinkedHashMap<>();
        for (String scope : List.of("", "&site=copenhagen", "&site=aarhus", "&site=odense", "&site=aalborg")) {
            var answer = api.call("GET", "/reports/2024?version=publishable" + scope, "coordinator", null);
            if (answer.status() == 422) {
                continue;
            }
            published.put(scope, answer.body());
            internal.put(
                    scope,
                    api.expect(200, "GET", "/reports/2024?version=internal" + scope, "coordinator", null)
                            .body());
        }
        assertTrue(published.size() >= 3, "all sites and most sites are published: " + published.keySet());
        int hidden = 0;
        int shown = 0;
        for (String breakdown : List.of(
                "/patients/bySex",
                "/patients/byAgeGroup",
                "/diagnoses/byChapter",
                "/visits/byArea",
                "/referrals/byKind",
                "/referrals/byState")) {
            Set<String> hiddenCategories = null;
            for (String scope : published.keySet()) {
                if (published
                        .get(scope)
                        .get("withheld")
                        .toString()
                        .contains(breakdown.substring(1).replace('/', '.'))) {
                    // a total of 1..9 somewhere in the year (14 referrals over four sites): every count of it, and the
                    // total, hidden
                    published.get(scope).at(breakdown).forEach(cell -> assertEquals("x", cell.asText(), breakdown));
                    continue;
                }
                Set<String> here = new HashSet<>();
                int hiddenSum = 0;
                for (var cell : (Iterable<Map.Entry<String, JsonNode>>)
                        published.get(scope).at(breakdown)::fields) {
                    int exact = internal.get(scope)
                            .at(breakdown + "/" + cell.getKey())
                            .asInt();
                    if (cell.getValue().isInt()) {
                        assertEquals(exact, cell.getValue().asInt(), breakdown + "/" + cell.getKey());
                        assertFalse(
                                exact >= 1 && exact < ReportsApi.THRESHOLD,
                                "a small count shown: " + breakdown + "/" + cell.getKey());
                        shown++;
                    } else {
                        assertEquals("x", cell.getValue().asText());
                        here.add(cell.getKey());
                        hiddenSum += exact;
                        hidden++;
                    }
                }
                assertFalse(
                        hiddenSum >= 1 && hiddenSum < ReportsApi.THRESHOLD,
                        breakdown + scope + ": hidden counts add up to " + hiddenSum);
                assertTrue(
                        hiddenCategories == null || hiddenCategories.equals(here),
                        breakdown + ": the same categories hidden everywhere");
                hiddenCategories = here;
            }
        }
        assertTrue(
                hidden > 3 && shown > 3,
                "this year has counts to hide and to show: " + hidden + " hidden, " + shown + " shown");
        JsonNode all = published.get("");
        int listed = 0;
        for (JsonNode nationality : all.at("/patients/byNationality")) {
            listed += nationality.get("patients").asInt();
            assertFalse(
                    nationality.get("patients").asInt() < ReportsApi.THRESHOLD, "a listed nationality has ten or more");
        }
        int other = all.at("/patients/otherNationalities").asInt();
        assertEquals(all.at("/patients/total").asInt(), listed + other, "listed and other add up to the patients");
        assertFalse(other >= 1 && other < ReportsApi.THRESHOLD, "other: " + other);
        assertEquals(internal.get("").at("/patients/total"), all.at("/patients/total"));
        assertEquals(internal.get("").at("/visits/total"), all.at("/visits/total"));
    }

    @Test
    void roles_financeReadsOnlyThePublishableVersion_cliniciansNone() {
        assertEquals(
                "publishable",
                api.expect(200, "GET", "/reports/2024", "finance", null)
                        .body()
                        .get("version")
                        .asText());
        var refused = api.expect(403, "GET", "/reports/2024?version=internal", "finance", null);
        assertEquals("version", refused.problemField());
        api.expect(403, "GET", "/reports/2024", "clinician", null);
        api.expect(403, "GET", "/reports?from=2024-01-01&to=2024-03-31&version=publishable", "clinician", null);
        assertEquals(
                "internal",
                api.expect(200, "GET", "/reports/2024", "admin", null)
                        .body()
                        .get("version")
                        .asText());
    }

    @Test
    void readingAReport_isAuditedAsAnAggregateRead_namingNoPatient() {
        api.expect(200, "GET", "/reports/2024?site=odense&version=publishable", "coordinator", null);
        var entries = api.testbed
                .raw
                .query(r -> r.tableName(api.tables.get("AuditTable"))
                        .keyConditionExpression("helpNumber = :a")
                        .expressionAttributeValues(Map.of(
                                ":a",
                                software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("aggregate"))))
                .items();
        assertTrue(
                entries.stream()
                        .anyMatch(
                                e -> e.get("about").s().equals("2024-01-01..2024-12-31 site=odense version=publishable")
                                        && e.get("action").s().equals("read_aggregate")
                                        && e.get("route").s().equals("GET /reports/{year}")),
                entries.toString());
    }

    @Test
    void aSitesYear_makesTheCallsItsProfileSays() {
        dk.fristed.devkit.RouteChecks.assertCallsInAnyOrder(
                api.testbed,
                "GET /reports/{year}",
                () -> api.expect(200, "GET", "/reports/2024?site=aalborg", "coordinator", null));
        dk.fristed.devkit.RouteChecks.assertCallsInAnyOrder(
                api.testbed,
                "GET /reports",
                () -> api.expect(
                        200, "GET", "/reports?from=2024-05-01&to=2024-05-31&site=aalborg", "coordinator", null));
    }

    /** 0 and counts of ten or more may be shown exactly; 1 to 9 never. Returns 1 if the cell is hidden. */
    private static int assertShownOrHidden(JsonNode shown, int exact, String where) {
        if (shown.isInt()) {
            assertEquals(exact, shown.asInt(), where);
            assertFalse(exact >= 1 && exact < ReportsApi.THRESHOLD, where + " shows a small count");
            return 0;
        }
        assertEquals(exact >= 1 && exact < ReportsApi.THRESHOLD ? "<10" : "x", shown.asText(), where);
        return 1;
    }

    private void assertFigures(JsonNode report, LocalDate from, LocalDate to, Optional<String> site) {
        List<String> sites = site.map(List::of).orElse(ClinicYear.SITES);
        List<ClinicYear.Visit> visits = year.visits.stream()
                .filter(v -> sites.contains(v.site())
                        && !v.date().isBefore(from)
                        && !v.date().isAfter(to))
                .toList();
        Map<ClinicYear.Patient, LocalDate> firstEver = year.firstVisits();
        Set<ClinicYear.Patient> patients = new HashSet<>();
        visits.forEach(v -> patients.add(v.patient()));
        int ageYear = to.getYear();
        assertTrue(visits.size() >= 8 && patients.size() >= 5, "the period holds enough to count");

        // patients
        Map<String, Integer> bySex = zeros("female", "male", "other", "unknown");
        Map<String, Integer> byAge = zeros("0-17", "18-29", "30-44", "45+");
        Map<String, Integer> byNationality = new TreeMap<>();
        int newPatients = 0;
        int newChildren = 0;
        for (ClinicYear.Patient p : patients) {
            int age = ageYear - p.birthYear();
            boolean isNew =
                    !firstEver.get(p).isBefore(from) && !firstEver.get(p).isAfter(to);
            newPatients += isNew ? 1 : 0;
            newChildren += isNew && age < 18 ? 1 : 0;
            bySex.merge(p.sex(), 1, Integer::sum);
            byAge.merge(age <= 17 ? "0-17" : age <= 29 ? "18-29" : age <= 44 ? "30-44" : "45+", 1, Integer::sum);
            byNationality.merge(p.nationality(), 1, Integer::sum);
        }
        JsonNode p = report.get("patients");
        assertEquals(patients.size(), p.get("total").asInt(), "patients");
        assertEquals(newPatients, p.get("newPatients").asInt(), "new patients");
        assertEquals(newChildren, p.get("newChildren").asInt(), "new children");
        assertEquals(tree(bySex), p.get("bySex"));
        assertEquals(tree(byAge), p.get("byAgeGroup"));
        assertEquals(
                byNationality.keySet().stream().filter(n -> !n.equals("XX")).count(),
                p.get("countries").asLong());
        var nationalities = byNationality.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(e -> Map.of(
                        "nationality",
                        e.getKey(),
                        "patients",
                        e.getValue(),
                        "share",
                        percent(e.getValue(), patients.size())))
                .toList();
        assertEquals(tree(nationalities), p.get("byNationality"));

        // visits and diagnoses
        Map<String, Integer> bySite = new LinkedHashMap<>();
        sites.forEach(s -> bySite.put(s, 0));
        Map<String, Integer> byService = zeros(
                "doctor", "nurse", "midwife", "dentist", "physiotherapist", "psychologist", "social_worker", "lab");
        Map<String, Integer> byArea = zeros("somatic", "dental", "mental_health", "social_worker");
        Map<String, Integer> byChapter =
                zeros("A", "B", "D", "F", "H", "K", "L", "N", "P", "R", "S", "T", "U", "W", "X", "Y", "Z");
        int first = 0;
        int diagnoses = 0;
        for (ClinicYear.Visit v : visits) {
            bySite.merge(v.site(), 1, Integer::sum);
            byService.merge(v.service(), 1, Integer::sum);
            byArea.merge(
                    switch (v.service()) {
                        case "psychologist" -> "mental_health";
                        case "dentist" -> "dental";
                        case "social_worker" -> "social_worker";
                        default -> "somatic";
                    },
                    1,
                    Integer::sum);
            first += firstEver.get(v.patient()).equals(v.date()) ? 1 : 0;
            for (String code : v.diagnoses()) {
                byChapter.merge(code.substring(0, 1), 1, Integer::sum);
                diagnoses++;
            }
        }
        JsonNode vs = report.get("visits");
        assertEquals(visits.size(), vs.get("total").asInt(), "visits");
        assertEquals(tree(bySite), vs.get("bySite"));
        assertEquals(tree(byService), vs.get("byService"));
        assertEquals(tree(byArea), vs.get("byArea"));
        assertEquals(first, vs.get("firstVisits").asInt(), "first visits");
        assertEquals(visits.size() - first, vs.get("returningVisits").asInt());
        assertEquals(
                percent(visits.size() - first, visits.size()),
                vs.get("returningShare").asText());
        assertEquals(diagnoses, report.at("/diagnoses/total").asInt(), "diagnoses");
        assertEquals(tree(byChapter), report.at("/diagnoses/byChapter"));

        // open days
        Map<String, String> open = new LinkedHashMap<>();
        year.openDays.forEach((day, kind) -> {
            String[] parts = day.split("\\|");
            LocalDate date = LocalDate.parse(parts[1]);
            if (sites.contains(parts[0]) && !date.isBefore(from) && !date.isAfter(to)) {
                open.put(day, kind);
            }
        });
        Set<String> patientDays = new HashSet<>();
        int notRecorded = 0;
        for (ClinicYear.Visit v : visits) {
            String day = v.site() + "|" + v.date();
            if (open.containsKey(day)) {
                patientDays.add(day + "|" + v.patient().helpNumber());
            } else {
                notRecorded++;
            }
        }
        JsonNode days = report.get("openDays");
        assertEquals(open.size(), days.get("total").asInt(), "open days");
        assertEquals(
                open.values().stream().filter("drop_in"::equals).count(),
                days.get("dropIn").asLong());
        assertEquals(
                open.values().stream().filter("appointment"::equals).count(),
                days.get("appointment").asLong());
        assertEquals(patientDays.size(), days.get("patientDays").asInt());
        assertEquals(
                new BigDecimal(patientDays.size())
                        .divide(new BigDecimal(open.size()), 1, RoundingMode.HALF_UP)
                        .toPlainString(),
                days.get("patientsPerOpenDay").asText());
        assertEquals(notRecorded, days.get("visitsOnDaysNotRecorded").asInt());

        // referrals, by the day written
        var referrals = year.referrals.stream()
                .filter(r -> sites.contains(r.site())
                        && !r.date().isBefore(from)
                        && !r.date().isAfter(to))
                .toList();
        JsonNode rs = report.get("referrals");
        assertEquals(referrals.size(), rs.get("referrals").asInt(), "referrals");
        for (String kind : ClinicYear.KINDS) {
            assertEquals(
                    referrals.stream().filter(r -> r.kind().equals(kind)).count(),
                    rs.at("/byKind/" + kind).asLong(),
                    kind);
        }
        assertEquals(
                referrals.stream().filter(r -> r.rejectionReason() != null).count(),
                rs.get("rejected").asLong(),
                "rejected");
        for (String reason : ClinicYear.REASONS) {
            assertEquals(
                    referrals.stream()
                            .filter(r -> reason.equals(r.rejectionReason()))
                            .count(),
                    rs.at("/rejectionsByReason/" + reason).asLong(),
                    reason);
        }
        assertEquals(
                referrals.stream().filter(ClinicYear.Referral::complaint).count(),
                rs.at("/complaints/filed").asLong());

        // invoices, by the day received
        var invoices = year.invoices.stream()
                .filter(i -> sites.contains(i.site())
                        && !i.received().isBefore(from)
                        && !i.received().isAfter(to))
                .toList();
        JsonNode is = report.get("invoices");
        assertEquals(invoices.size(), is.at("/invoices/received").asInt(), "invoices");
        assertEquals(
                invoices.stream().filter(i -> i.credited() == i.amount()).count(),
                is.at("/invoices/creditedInFull").asLong());
        assertEquals(
                invoices.stream()
                        .filter(i -> i.credited() > 0 && i.credited() < i.amount())
                        .count(),
                is.at("/invoices/partlyCredited").asLong());
        if (!invoices.isEmpty()) {
            assertEquals(
                    invoices.stream().mapToLong(ClinicYear.Invoice::amount).sum(),
                    is.at("/amounts/0/invoiced").asLong());
            assertEquals(
                    invoices.stream().mapToLong(ClinicYear.Invoice::credited).sum(),
                    is.at("/amounts/0/credited").asLong());
        }
        assertEquals(from.toString(), report.get("from").asText());
        assertEquals(to.toString(), report.get("to").asText());
        assertEquals("internal", report.get("version").asText());
    }

    private static Map<String, Integer> zeros(String... keys) {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (String key : keys) {
            map.put(key, 0);
        }
        return map;
    }

    private static String percent(int part, int whole) {
        return new BigDecimal(part * 100)
                .divide(new BigDecimal(whole), 1, RoundingMode.HALF_UP)
                .toPlainString();
    }

    private static JsonNode tree(Object value) {
        return Json.mapper().valueToTree(value);
    }
}
