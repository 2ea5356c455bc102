package dk.fristed.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dk.fristed.aws.DynamoDbConnection;
import dk.fristed.config.Categories;
import dk.fristed.devkit.FunctionTestbed;
import dk.fristed.devkit.LocalContext;
import dk.fristed.devkit.RouteChecks;
import dk.fristed.invoices.InvoiceTables;
import dk.fristed.invoices.InvoicesFunction;
import dk.fristed.invoices.invoice.DeadlinePolicy;
import dk.fristed.log.JsonLog;
import dk.fristed.paging.Hmac;
import dk.fristed.referrals.ReferralTables;
import dk.fristed.referrals.ReferralsFunction;
import dk.fristed.reports.ReportTables;
import dk.fristed.reports.ReportsFunction;
import dk.fristed.reports.report.AgeGroups;
import dk.fristed.site.Sites;
import dk.fristed.visits.VisitsFunction;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code make bench}, part two: the yearly report of an Oslo-sized year (about 600 patients, 2,000
 * visits, 4,000 diagnoses, 200 referrals, 350 invoices, 140 open days at one site), made through the
 * public API, with 1, 10 and 100 years of history in the same tables and partitions. For each it
 * prints the warm report's time (median of five), its DynamoDB calls and the read units DynamoDB
 * reports, and checks that the figures stay the same and neither calls nor read units grow.
 */
public final class ReportHistoryBench {
    static final Sites SITES = Sites.parse("oslo");
    static final int YEAR = 2024;
    static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
    /** The years in the tables at each measurement; BENCH_REPORT_YEARS=1,3 for a quick look. */
    static final List<Integer> HISTORIES = java.util.Arrays.stream(System.getenv()
                    .getOrDefault("BENCH_REPORT_YEARS", "1,10,100")
                    .split(","))
            .map(String::trim)
            .map(Integer::valueOf)
            .toList();

    static final double WARM_TARGET_MS = 1_000;

    public static void main(String[] ignored) {
        int status = 1;
        try {
            status = run() ? 0 : 1;
        } catch (Exception e) {
            e.printStackTrace();
        } finally {
            System.exit(status); // DynamoDB Local leaves a non-daemon thread behind
        }
    }

    private static boolean run() {
        FunctionTestbed testbed = new FunctionTestbed();
        ReadUnits readUnits = new ReadUnits();
        DynamoDbConnection measured = interceptors -> {
            List<ExecutionInterceptor> all = new ArrayList<>(List.of(interceptors));
            all.add(readUnits);
            return testbed.connection().open(all.toArray(ExecutionInterceptor[]::new));
        };
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        Hmac key = new Hmac(new byte[32]);
        Map<String, String> t = testbed.tables;
        JsonLog quiet = new JsonLog("bench", new PrintStream(OutputStream.nullOutputStream()));
        var reports = new ReportsFunction(
                new ReportTables(
                        t.get("PatientsTable"),
                        t.get("VisitsTable"),
                        t.get("ReferralsTable"),
                        t.get("InvoicesTable"),
                        t.get("BudgetTable"),
                        t.get("OpenDaysTable"),
                        t.get("AuditTable")),
                measured,
                testbed.fieldEncryption,
                key,
                SITES,
                AgeGroups.parse(AgeGroups.DEFAULT),
                10,
                Categories.parse(Categories.DEFAULT),
                clock,
                quiet);
        testbed.serve(Map.of(
                "ReportsFunction",
                reports,
                "VisitsFunction",
                new VisitsFunction(
                        new VisitsFunction.Tables(
                                t.get("PatientsTable"),
                                t.get("VisitsTable"),
                                t.get("IdempotencyTable"),
                                t.get("AuditTable")),
                        testbed.connection(),
                        testbed.fieldEncryption,
                        key,
                        SITES,
                        clock,
                        quiet),
                "ReferralsFunction",
                new ReferralsFunction(
                        new ReferralTables(
                                t.get("ReferralsTable"),
                                t.get("ReferralHistoryTable"),
                                t.get("PatientsTable"),
                                t.get("VisitsTable"),
                                t.get("IdempotencyTable"),
                                t.get("AuditTable")),
                        testbed.connection(),
                        testbed.fieldEncryption,
                        key,
                        SITES,
                        clock,
                        quiet),
                "InvoicesFunction",
                new InvoicesFunction(
                        new InvoiceTables(
                                t.get("InvoicesTable"),
                                t.get("InvoiceHistoryTable"),
                                t.get("InvoiceNumbersTable"),
                                t.get("PatientsTable"),
                                t.get("VisitsTable"),
                                t.get("ReferralsTable"),
                                t.get("IdempotencyTable"),
                                t.get("AuditTable")),
                        testbed.connection(),
                        testbed.fieldEncryption,
                        key,
                        SITES,
                        new DeadlinePolicy(21, 7),
                        clock,
                        quiet)));

        long started = System.nanoTime();
        List<String> helpNumbers = makeTheYear(testbed, new Random(2024));
        System.out.printf(
                "report bench: an Oslo-sized %d made through the API in %d s%n",
                YEAR, (System.nanoTime() - started) / 1_000_000_000);
        System.out.println("  publishable " + YEAR + ": "
                + PublishedCells.of(report(reports, "publishable"), report(reports, "internal")));
        var history = new HistoryCopies(testbed, t, helpNumbers, YEAR);

        System.out.printf(
                "  %-16s %12s %14s %-40s %12s %s%n",
                "years in tables", "items", "warm report", "DynamoDB calls", "read units", "");
        String firstFigures = null;
        List<String> firstCalls = null;
        double firstUnits = -1;
        boolean ok = true;
        int copied = 1;
        for (int years : HISTORIES) {
            long copyStarted = System.nanoTime();
            history.copy(copied, years - 1);
            copied = years;
            long copySeconds = (System.nanoTime() - copyStarted) / 1_000_000_000;
            for (int i = 0; i < 5; i++) {
                report(reports); // warm: the JIT has compiled the report's paths before it is timed
            }
            List<Long> micros = new ArrayList<>();
            String figures = null;
            List<String> calls = null;
            double units = 0;
            for (int i = 0; i < 5; i++) {
                testbed.dynamoCalls.reset();
                readUnits.takeTotal();
                long t0 = System.nanoTime();
                String body = report(reports);
                micros.add((System.nanoTime() - t0) / 1_000);
                figures = body;
                calls = testbed.dynamoCalls.list();
                units = readUnits.takeTotal();
            }
            micros.sort(null);
            double ms = micros.get(2) / 1000.0;
            boolean same = firstFigures == null || firstFigures.equals(figures);
            boolean flat = firstCalls == null || (firstCalls.equals(calls) && Math.abs(units - firstUnits) < 0.01);
            ok &= same && flat && ms <= WARM_TARGET_MS;
            System.out.printf(
                    "  %-16d %12d %11.0f ms %-40s %12.1f %s%n",
                    years,
                    history.items(),
                    ms,
                    summary(calls),
                    units,
                    (same ? "same figures" : "FIGURES DIFFER")
                            + (flat ? "" : ", CALLS OR READS GREW")
                            + (ms <= WARM_TARGET_MS ? "" : ", OVER 1 s")
                            + (copySeconds > 0 ? "  (history written in " + copySeconds + " s)" : ""));
            if (firstFigures == null) {
                firstFigures = figures;
                firstCalls = calls;
                firstUnits = units;
            }
        }
        System.out.println(
                ok
                        ? "make bench: the year's report reads the same calls and units with 1, 10 and 100 years stored, within 1 s warm"
                        : "make bench: the report grew with the history or took over 1 s warm (above)");
        return ok;
    }

    private static String report(ReportsFunction reports) {
        return report(reports, "internal");
    }

    private static String report(ReportsFunction reports, String version) {
        APIGatewayV2HTTPEvent event = dk.fristed.http.SnapStartPriming.request(
                "GET /reports/{year}", Map.of("year", Integer.toString(YEAR)), null, "coordinator");
        event.setQueryStringParameters(Map.of("version", version));
        var response = reports.handleRequest(event, new LocalContext("ReportsFunction"));
        if (response.getStatusCode() != 200) {
            throw new IllegalStateException(
                    "the report answered " + response.getStatusCode() + ": " + response.getBody());
        }
        return response.getBody();
    }

    /** "7 query, 6 batchGet, 1 getItem, 1 transact": how many calls of each kind. */
    private static String summary(List<String> calls) {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        calls.forEach(c -> counts.merge(c.replace("Items", "").replace("Item", ""), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        counts.forEach((call, n) -> parts.add(n + " " + call));
        return String.join(", ", parts);
    }

    /** 600 patients, 2,000 visits with two diagnoses each, 200 referrals, 350 invoices and 140 open days; returns the help numbers. */
    private static List<String> makeTheYear(FunctionTestbed testbed, Random random) {
        List<String> codes = List.of(
                "L03", "L86", "D01", "D84", "S18", "S74", "P76", "P01", "K86", "H71", "X14", "A04", "T90", "R74");
        List<String> services =
                List.of("doctor", "doctor", "doctor", "doctor", "psychologist", "dentist", "social_worker", "midwife");
        // 76 nationalities as in Oslo's 2024: eight common ones (Romania the largest) and a long tail of a few patients
        // each
        List<String> common = List.of("RO", "RO", "RO", "ET", "IR", "IQ", "SO", "ER", "PL", "AF");
        List<String> tail = List.of(
                "SY", "UA", "NG", "MA", "BG", "LT", "LV", "EE", "HU", "SK", "CZ", "GR", "IT", "ES", "PT", "FR", "DE",
                "GB", "IE", "BR", "CO", "VE", "PE", "MX", "US", "CN", "VN", "TH", "PH", "ID", "MM", "BD", "PK", "IN",
                "LK", "NP", "KE", "UG", "TZ", "RW", "CD", "CM", "GH", "CI", "SN", "GM", "GN", "ML", "SD", "LY", "TN",
                "DZ", "EG", "YE", "JO", "LB", "TR", "GE", "AM", "AZ", "RU", "BY", "MD", "RS", "AL", "XX");
        List<String> helpNumbers = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            Map<String, Object> patient = new LinkedHashMap<>();
            patient.put("birthYear", 1940 + random.nextInt(80));
            patient.put("sex", random.nextInt(150) == 0 ? "other" : random.nextInt(11) < 6 ? "female" : "male");
            patient.put(
                    "nationality",
                    random.nextInt(10) < 7
                            ? common.get(random.nextInt(common.size()))
                            : tail.get(random.nextInt(tail.size())));
            patient.put("languages", List.of("en"));
            patient.put("interpreterNeeded", false);
            helpNumbers.add(expect(testbed, 201, "POST", "/patients", "coordinator", patient)
                    .body()
                    .get("helpNumber")
                    .asText());
        }
        Set<LocalDate> days = new TreeSet<>();
        for (int i = 0; i < 2000; i++) {
            LocalDate day = LocalDate.of(YEAR, 1, 2).plusDays(2L * random.nextInt(140));
            days.add(day);
            Set<String> diagnoses = new TreeSet<>();
            while (diagnoses.size() < 2) {
                diagnoses.add(codes.get(random.nextInt(codes.size())));
            }
            expect(
                    testbed,
                    201,
                    "POST",
                    "/visits",
                    "clinician",
                    Map.of(
                            "helpNumber",
                            helpNumbers.get(i % 600),
                            "site",
                            "oslo",
                            "date",
                            day.toString(),
                            "service",
                            services.get(random.nextInt(services.size())),
                            "diagnoses",
                            List.copyOf(diagnoses)));
        }
        for (LocalDate day : days) {
            expect(
                    testbed,
                    201,
                    "PUT",
                    "/open-days/oslo/" + day,
                    "coordinator",
                    Map.of("kind", day.getDayOfWeek().getValue() <= 3 ? "drop_in" : "appointment"));
        }
        for (int i = 0; i < 200; i++) {
            String date = LocalDate.of(YEAR, 1, 1).plusDays(random.nextInt(300)).toString();
            Map<String, Object> referral = new LinkedHashMap<>(Map.of(
                    "helpNumber",
                    helpNumbers.get(random.nextInt(600)),
                    "site",
                    "oslo",
                    "date",
                    date,
                    "kind",
                    i % 2 == 0 ? "examination" : "specialist",
                    "receiver",
                    "OUS",
                    "urgency",
                    "routine",
                    "clinicalQuestion",
                    "Pain."));
            referral.put(i % 2 == 0 ? "modality" : "specialty", i % 2 == 0 ? "ultrasound" : "cardiology");
            String id = expect(testbed, 201, "POST", "/referrals", "clinician", referral)
                    .body()
                    .get("id")
                    .asText();
            RouteChecks.walk(
                    testbed, "/referrals/" + id, "clinician", 1, List.of(RouteChecks.action("send", "date", date)));
        }
        for (int i = 0; i < 350; i++) {
            LocalDate received = LocalDate.of(YEAR, 1, 1).plusDays(random.nextInt(330));
            expect(
                    testbed,
                    201,
                    "POST",
                    "/invoices",
                    "coordinator",
                    Map.of(
                            "helpNumber",
                            helpNumbers.get(random.nextInt(600)),
                            "site",
                            "oslo",
                            "creditor",
                            "OUS",
                            "invoiceNumber",
                            "B-" + i,
                            "invoiceDate",
                            received.minusDays(2).toString(),
                            "dueDate",
                            received.plusDays(30).toString(),
                            "receivedOn",
                            received.toString(),
                            "amount",
                            361_557 + i,
                            "currency",
                            "NOK"));
        }
        return helpNumbers;
    }

    private static FunctionTestbed.Response expect(
            FunctionTestbed testbed, int status, String method, String path, String role, Object body) {
        var response = testbed.call(method, path, role, body);
        if (response.status() != status) {
            throw new IllegalStateException(
                    method + " " + path + " answered " + response.status() + " " + response.body());
        }
        return response;
    }
}
