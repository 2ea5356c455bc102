package dk.fristed.bench;

import dk.fristed.devkit.RouteProfile;
import dk.fristed.devkit.RouteProfiles;
import dk.fristed.devkit.SamTemplate;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code make cost}: the monthly AWS bill, from the DynamoDB calls each route makes (RouteProfiles,
 * pinned by the round-trip tests), Lambda memory and duration, API Gateway, KMS, storage and logs,
 * for the Danish clinics' volume (2,700 visits a year) and for 100 times that. See docs/cost.md.
 */
public final class MonthlyCost {
    /** List prices in USD, us-east-1 / eu-north-1 alike or close, as published in 2025; edit when they change. */
    record Prices(
            double lambdaPerGbSecond,
            double lambdaPerMillionRequests,
            double httpApiPerMillionRequests,
            double dynamoPerMillionWriteUnits,
            double dynamoPerMillionReadUnits,
            double dynamoStoragePerGbMonth,
            double pitrPerGbMonth,
            double kmsKeyPerMonth,
            double kmsPerTenThousandRequests,
            double logsIngestPerGb,
            double logsStoragePerGbMonth,
            double alarmMetricPerMonth,
            double customMetricPerMonth,
            double backupPerGbMonth) {
        static final Prices LIST_2025 = new Prices(
                0.0000133334, 0.20, 1.00, 0.625, 0.125, 0.25, 0.20, 1.00, 0.03, 0.50, 0.03, 0.10, 0.30, 0.10);
    }

    /** How a visit to the clinic turns into requests: besides registering it, looking the patient up and so on. */
    static final Map<String, Double> REQUESTS_PER_VISIT = new LinkedHashMap<>();

    static {
        REQUESTS_PER_VISIT.put("POST /visits", 1.0);
        REQUESTS_PER_VISIT.put("POST /patients", 0.25); // over 75 % of visits are by returning patients
        REQUESTS_PER_VISIT.put("GET /patients", 0.25); // duplicate check before registering someone
        REQUESTS_PER_VISIT.put("GET /patients/{helpNumber}", 2.0); // reception and the clinician
        REQUESTS_PER_VISIT.put("GET /patients/{helpNumber}/visits", 1.0);
        REQUESTS_PER_VISIT.put("PUT /patients/{helpNumber}", 0.1);
        REQUESTS_PER_VISIT.put("GET /visits", 0.2); // day lists at the sites
        REQUESTS_PER_VISIT.put("GET /openapi.json", 0.0);
        REQUESTS_PER_VISIT.put("GET /reference", 0.05); // once per app session, kept an hour
        REQUESTS_PER_VISIT.put("DELETE /patients/{helpNumber}", 0.001); // erasure on request is rare
        REQUESTS_PER_VISIT.put(
                "POST /patients/{helpNumber}/merges", 0.01); // a duplicate found about once in a hundred visits
        REQUESTS_PER_VISIT.put("GET /audit/patients/{helpNumber}", 0.01); // an admin answering a question
        REQUESTS_PER_VISIT.put("GET /audit/users/{subject}", 0.01);
        // Oslo 2024: 217 referrals for 2,044 consultations, about 0.11 a visit; each is drafted, sent,
        // answered and often booked (about 3 transitions) and opened a few times
        REQUESTS_PER_VISIT.put("POST /referrals", 0.11);
        REQUESTS_PER_VISIT.put("POST /referrals/{referralId}/transitions", 0.33);
        REQUESTS_PER_VISIT.put("GET /referrals/{referralId}", 0.3);
        REQUESTS_PER_VISIT.put("GET /patients/{helpNumber}/referrals", 0.3); // the clinician checks open referrals
        REQUESTS_PER_VISIT.put("GET /referrals", 0.05); // a site's list by period or state
        REQUESTS_PER_VISIT.put("GET /referrals/follow-up", 0.1); // the coordinator's follow-up list
        REQUESTS_PER_VISIT.put("GET /referrals/counts", 0.005); // reports, a few times a year
        // Oslo 2024: 363 invoices credited for 2,044 consultations, about 0.18 a visit; each is registered,
        // asked to credit and answered (2-3 transitions), opened a few times
        REQUESTS_PER_VISIT.put("POST /invoices", 0.18);
        REQUESTS_PER_VISIT.put("POST /invoices/{invoiceId}/transitions", 0.45);
        REQUESTS_PER_VISIT.put("GET /invoices/{invoiceId}", 0.4);
        REQUESTS_PER_VISIT.put("GET /patients/{helpNumber}/invoices", 0.2);
        REQUESTS_PER_VISIT.put("GET /invoices", 0.05);
        REQUESTS_PER_VISIT.put("GET /invoices/deadlines", 0.1); // the coordinator's deadline list
        REQUESTS_PER_VISIT.put("GET /invoices/totals", 0.01); // finance, a few times a month
        REQUESTS_PER_VISIT.put("GET /invoices/export", 0.002); // a coordinator's spreadsheet, monthly
        // the budget does not grow with visits: a few hundred ledger entries a year and a treasurer's
        // look each week, written as a share of the 225 visits a month
        REQUESTS_PER_VISIT.put("POST /budget/years", 0.0004);
        REQUESTS_PER_VISIT.put("POST /budget/sources", 0.01);
        REQUESTS_PER_VISIT.put("GET /budget/sources", 0.01);
        REQUESTS_PER_VISIT.put("DELETE /budget/sources/{sourceId}", 0.0004);
        REQUESTS_PER_VISIT.put("POST /budget/years/{year}/entries", 0.1);
        REQUESTS_PER_VISIT.put("GET /budget/years/{year}/entries", 0.02);
        REQUESTS_PER_VISIT.put("GET /budget/years/{year}/progress", 0.03);
        REQUESTS_PER_VISIT.put("GET /budget/years/{year}/chart", 0.002);
        REQUESTS_PER_VISIT.put("GET /budget/years/{year}/export", 0.002);
        // reports: a coordinator's look and a newsletter's figures about once a month each, a site's at a
        // time (a report of all sites reads each site's part once); the open days, one record a site a day
        REQUESTS_PER_VISIT.put("GET /reports/{year}", 0.005);
        REQUESTS_PER_VISIT.put("GET /reports", 0.005);
        REQUESTS_PER_VISIT.put("PUT /open-days/{site}/{date}", 0.15);
        REQUESTS_PER_VISIT.put("DELETE /open-days/{site}/{date}", 0.001);
        REQUESTS_PER_VISIT.put("GET /open-days", 0.01);
    }

    /**
     * Two daily runs, the referral follow-up and the invoice deadlines: each two queries per site (4
     * sites) on an index, eventually consistent.
     */
    static final double SCHEDULED_RUNS_PER_MONTH = 2 * 30;

    static final double SCHEDULED_READ_UNITS_PER_RUN = 8 * 0.5;

    static final double MEMORY_GB = 1.0; // template.yaml Globals MemorySize 1024
    static final double BILLED_SECONDS = 0.060; // warm requests take 10-30 ms; restores after idle add to it
    static final double BYTES_PER_PATIENT =
            1250; // item (about 620 bytes with encryption's header and signature) and its ByCohort copy
    static final double BYTES_PER_VISIT = 1100; // item (about 550 bytes) and its BySiteDate copy
    /** A referral (about 2 KB encrypted) in the table and three of its indexes, and about five history entries. */
    static final double BYTES_PER_REFERRAL = 4 * 2000 + 5 * 800;

    static final double REFERRALS_PER_VISIT = 0.11;
    /** An invoice (about 2 KB encrypted) in the table and three of its indexes, four history entries and its number guard. */
    static final double BYTES_PER_INVOICE = 4 * 2000 + 4 * 800 + 100;

    static final double INVOICES_PER_VISIT = 0.18;
    static final double LOG_BYTES_PER_REQUEST = 300 + 250; // the function's line and the API's access log line
    static final int CUSTOMER_MANAGED_KEYS = 4; // DataKey, ServerHmacKey, FieldKey and BackupKey
    /** AWS Backup keeps each table's daily backup 7 days: 7 full copies of the tables (DynamoDB backups are not incremental). */
    static final int BACKUP_COPIES_KEPT = 7;
    /** The custom metrics the log filters make: Failures by what failed (database, encryption). */
    static final int CUSTOM_METRICS = 2;
    /**
     * DynamoDB asks KMS for a table key about every 5 minutes per table while in use (12 tables, 12 busy
     * hours a day); the hierarchical keyring unwraps its branch key twice (active key, version) per
     * container and 10-minute TTL, not per record (HierarchicalKeyringIT), in the three functions that
     * encrypt on every request (visits, referrals, invoices; the budget's few requests are left out).
     */
    static final double KMS_REQUESTS_PER_MONTH_IN_USE = 12 * 12 * 12 * 30 + 3 * 2 * 6 * 12 * 30;

    private MonthlyCost() {}

    public static void main(String[] args) {
        for (var function : SamTemplate.ofProject().functions()) {
            function.routes().forEach(route -> {
                if (!REQUESTS_PER_VISIT.containsKey(route.key())) {
                    throw new IllegalStateException(
                            "no usage assumption for " + route.key() + ": add it to MonthlyCost");
                }
            });
        }
        System.out.println("Monthly AWS bill, USD, before free tiers (list prices 2025; assumptions in docs/cost.md)");
        print("Danish clinics: 2,700 visits a year", 2_700);
        print("100 x: 270,000 visits a year", 270_000);
        System.out.println(
                "make cost: the fixed part (KMS keys, alarms) dominates at the clinics' volume; usage costs scale linearly");
    }

    static Map<String, Double> bill(double visitsPerYear, Prices p) {
        double visitsPerMonth = visitsPerYear / 12;
        double requests = 0;
        double reads = 0;
        double writes = 0;
        for (var usage : REQUESTS_PER_VISIT.entrySet()) {
            RouteProfile profile = RouteProfiles.of(usage.getKey());
            double count = visitsPerMonth * usage.getValue();
            requests += count;
            reads += count * profile.readUnits();
            writes += count * profile.writeUnits();
        }
        double invocations = requests + SCHEDULED_RUNS_PER_MONTH; // the daily runs are Lambda runs, not API requests
        reads += SCHEDULED_RUNS_PER_MONTH * SCHEDULED_READ_UNITS_PER_RUN;
        // data kept for five years of visits, their referrals and invoices
        double storedGb = 5
                * visitsPerYear
                * (BYTES_PER_VISIT
                        + 0.3 * BYTES_PER_PATIENT
                        + REFERRALS_PER_VISIT * BYTES_PER_REFERRAL
                        + INVOICES_PER_VISIT * BYTES_PER_INVOICE)
                / 1e9;
        Map<String, Double> bill = new LinkedHashMap<>();
        bill.put("Lambda requests", invocations / 1e6 * p.lambdaPerMillionRequests());
        bill.put("Lambda compute (arm64, 1 GB)", invocations * BILLED_SECONDS * MEMORY_GB * p.lambdaPerGbSecond());
        bill.put("API Gateway HTTP API", requests / 1e6 * p.httpApiPerMillionRequests());
        bill.put("DynamoDB writes (on demand)", writes / 1e6 * p.dynamoPerMillionWriteUnits());
        bill.put("DynamoDB reads (on demand)", reads / 1e6 * p.dynamoPerMillionReadUnits());
        bill.put("DynamoDB storage + PITR", storedGb * (p.dynamoStoragePerGbMonth() + p.pitrPerGbMonth()));
        bill.put(
                "AWS Backup (daily, " + BACKUP_COPIES_KEPT + " kept)",
                storedGb * BACKUP_COPIES_KEPT * p.backupPerGbMonth());
        bill.put("KMS keys", CUSTOMER_MANAGED_KEYS * p.kmsKeyPerMonth());
        bill.put("KMS requests", KMS_REQUESTS_PER_MONTH_IN_USE / 1e4 * p.kmsPerTenThousandRequests());
        bill.put(
                "CloudWatch Logs",
                requests * LOG_BYTES_PER_REQUEST / 1e9 * (p.logsIngestPerGb() + 3 * p.logsStoragePerGbMonth()));
        int alarmMetrics = alarmMetrics(SamTemplate.ofProject());
        bill.put("CloudWatch alarms (" + alarmMetrics + " metrics)", alarmMetrics * p.alarmMetricPerMonth());
        bill.put("CloudWatch custom metrics (" + CUSTOM_METRICS + ")", CUSTOM_METRICS * p.customMetricPerMonth());
        bill.put("Cognito (under 10,000 monthly users: free)", 0.0);
        bill.put("requests per month", requests);
        return bill;
    }

    /**
     * What template.yaml's alarms are billed for: a metric each, or each metric a metric-math alarm reads
     * (an expression costs nothing); the dashboard is one of the three free ones.
     */
    static int alarmMetrics(SamTemplate template) {
        int metrics = 0;
        for (var alarm : template.resources("AWS::CloudWatch::Alarm").values()) {
            Map<String, Object> properties = SamTemplate.map(alarm.get("Properties"));
            if (properties.containsKey("MetricName")) {
                metrics++;
            } else if (properties.get("Metrics") instanceof java.util.List<?> queries) {
                metrics += (int) queries.stream()
                        .filter(q -> SamTemplate.map(q).containsKey("MetricStat"))
                        .count();
            }
        }
        return metrics;
    }

    private static void print(String title, double visitsPerYear) {
        Map<String, Double> bill = bill(visitsPerYear, Prices.LIST_2025);
        double requests = bill.remove("requests per month");
        System.out.printf("%n%s (%,.0f API requests a month)%n", title, requests);
        double total = 0;
        for (var line : bill.entrySet()) {
            System.out.printf("  %-44s %10.4f%n", line.getKey(), line.getValue());
            total += line.getValue();
        }
        System.out.printf("  %-44s %10.2f   (%.0f DKK a year at 6.9 DKK/USD)%n", "total", total, total * 12 * 6.9);
    }
}
