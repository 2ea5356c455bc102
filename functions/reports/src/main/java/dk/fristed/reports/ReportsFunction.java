package dk.fristed.reports;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dk.fristed.audit.AuditTrail;
import dk.fristed.auth.Role;
import dk.fristed.aws.DynamoDbConnection;
import dk.fristed.aws.ServerKey;
import dk.fristed.calendar.Period;
import dk.fristed.config.Categories;
import dk.fristed.config.Environment;
import dk.fristed.encryption.FieldEncryption;
import dk.fristed.http.ApiFunction;
import dk.fristed.http.Route;
import dk.fristed.http.SnapStartPriming;
import dk.fristed.i18n.Language;
import dk.fristed.json.Json;
import dk.fristed.log.JsonLog;
import dk.fristed.paging.Cursor;
import dk.fristed.paging.Hmac;
import dk.fristed.records.invoice.InvoiceItem;
import dk.fristed.records.ledger.BudgetItem;
import dk.fristed.records.ledger.BudgetRecords;
import dk.fristed.records.patient.PatientItem;
import dk.fristed.records.referral.ReferralItem;
import dk.fristed.records.visit.VisitItem;
import dk.fristed.reports.openday.OpenDayItem;
import dk.fristed.reports.openday.OpenDayRepository;
import dk.fristed.reports.openday.OpenDayRoutes;
import dk.fristed.reports.report.AgeGroups;
import dk.fristed.reports.report.PeriodRecords;
import dk.fristed.reports.report.PublishedReport;
import dk.fristed.reports.report.ReportCsv;
import dk.fristed.reports.report.ReportMaker;
import dk.fristed.reports.report.ReportRoutes;
import dk.fristed.site.Sites;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

import static dk.fristed.auth.Role.ADMIN;
import static dk.fristed.auth.Role.COORDINATOR;
import static dk.fristed.auth.Role.FINANCE;

/**
 * The reports Lambda function: the yearly figures the clinics publish, computed from the records the
 * other functions wrote, and the sites' open days they are counted against.
 * Handler in template.yaml: {@code dk.fristed.reports.ReportsFunction::handleRequest}.
 */
public final class ReportsFunction extends ApiFunction
        // declared again so that AWS's SnapStart scanner sees a handler (it reads only a class's own interfaces)
        implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    /** Coordinators and admins read reports (finance only the publishable version: ReportRoutes); clinicians do not need them. */
    static final Set<Role> REPORT_READERS = Set.of(COORDINATOR, FINANCE, ADMIN);
    /** Coordinators keep the open days; admins may correct them. */
    static final Set<Role> OPEN_DAY_KEEPERS = Set.of(COORDINATOR, ADMIN);

    public static final String THRESHOLD_VARIABLE = "REPORT_THRESHOLD";
    /** Reads side by side: each site's tables, and the patients a hundred at a time. */
    static final int READ_THREADS = 4;

    /** Decryption of every table the report reads, and a whole report over an empty period, warmed before the snapshot. */
    final Runnable warmUp;

    /** Lambda's constructor: clients built once per container and primed for SnapStart with requests that write nothing. */
    public ReportsFunction() {
        this(Environment.system());
        primeBeforeSnapshot(primingRequests(), warmUp);
    }

    /** A year that fails validation and open days of a site not configured (both 400): the warm-up runs a whole report, which a request would audit. */
    static List<APIGatewayV2HTTPEvent> primingRequests() {
        APIGatewayV2HTTPEvent openDays = SnapStartPriming.request("GET /open-days", null, null, "coordinator");
        openDays.setQueryStringParameters(Map.of("site", "priming", "from", "2009-01-01", "to", "2009-12-31"));
        return List.of(
                SnapStartPriming.request("GET /reports/{year}", Map.of("year", "1999"), null, "coordinator"), openDays);
    }

    public ReportsFunction(Environment env) {
        this(
                ReportTables.fromEnvironment(env),
                DynamoDbConnection.of(env),
                FieldEncryption.fromEnvironment(env),
                ServerKey.fromEnvironment(env),
                Sites.parse(env.require(Sites.VARIABLE)),
                AgeGroups.fromEnvironment(env),
                threshold(env),
                Categories.fromEnvironment(env),
                Clock.systemUTC(),
                new JsonLog("reports"));
    }

    public ReportsFunction(
            ReportTables tables,
            DynamoDbConnection connection,
            FieldEncryption encryption,
            Hmac serverKey,
            Sites sites,
            AgeGroups ageGroups,
            int threshold,
            Categories categories,
            Clock clock,
            JsonLog log) {
        this(
                tables,
                connection,
                encryption,
                serverKey,
                sites,
                ageGroups,
                threshold,
                categories,
                readThreads(),
                clock,
                log);
    }

    /** @param reads where a report's reads run: side by side on {@link #readThreads()}, or in the caller's thread for a fuzzer */
    public ReportsFunction(
            ReportTables tables,
            DynamoDbConnection connection,
            FieldEncryption encryption,
            Hmac serverKey,
            Sites sites,
            AgeGroups ageGroups,
            int threshold,
            Categories categories,
            Executor reads,
            Clock clock,
            JsonLog log) {
        this(
                wire(tables, connection, encryption, serverKey, sites, ageGroups, threshold, categories, reads, clock),
                log);
    }

    /** Daemon threads: a container is frozen or ends without waiting for them. */
    static Executor readThreads() {
        return Executors.newFixedThreadPool(READ_THREADS, task -> {
            Thread thread = new Thread(task, "report-reads");
            thread.setDaemon(true);
            return thread;
        });
    }

    private ReportsFunction(Wiring wiring, JsonLog log) {
        super(wiring.routes(), log);
        warmUp = wiring.warmUp();
    }

    private record Wiring(List<Route> routes, Runnable warmUp) {}

    static int threshold(Environment env) {
        int threshold = Integer.parseInt(env.get(THRESHOLD_VARIABLE, "10"));
        if (threshold < 2) {
            throw new IllegalArgumentException(THRESHOLD_VARIABLE + " must be 2 or more");
        }
        return threshold;
    }

    private static Wiring wire(
            ReportTables tables,
            DynamoDbConnection connection,
            FieldEncryption encryption,
            Hmac serverKey,
            Sites sites,
            AgeGroups ageGroups,
            int threshold,
            Categories categories,
            Executor reads,
            Clock clock) {
        var encrypted = tables.encrypted();
        DynamoDbClient dynamo = connection.open(encryption.interceptor(encrypted));
        var enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo).build();
        var openDays = new OpenDayRepository(enhanced.table(tables.openDays(), OpenDayItem.SCHEMA));
        var records = new PeriodRecords(
                enhanced,
                enhanced.table(tables.patients(), PatientItem.SCHEMA),
                enhanced.table(tables.visits(), VisitItem.SCHEMA),
                enhanced.table(tables.referrals(), ReferralItem.SCHEMA),
                enhanced.table(tables.invoices(), InvoiceItem.SCHEMA),
                openDays,
                new BudgetRecords(enhanced.table(tables.budget(), BudgetItem.SCHEMA)),
                categories);
        var maker = new ReportMaker(records, ageGroups, reads, clock);
        var reports = new ReportRoutes(maker, new AuditTrail(dynamo, tables.audit(), clock), sites, threshold, clock);
        var days = new OpenDayRoutes(openDays, sites, new Cursor(serverKey), clock);
        Runnable warmUp = () -> {
            encryption.warmUp(encrypted);
            // a whole report of a year long past, both versions, as JSON and CSV: reads only, nothing audited
            var year = new Period(LocalDate.of(2009, 1, 1), LocalDate.of(2009, 12, 31));
            // one read of the year serves both versions: the family is made with make()'s own reads and figures
            var family = maker.family(year, sites.names());
            Json.write(family.all());
            ReportCsv.csv(PublishedReport.of(family, Optional.empty(), threshold), Language.DA);
        };
        return new Wiring(
                List.of(
                        Route.of("GET /reports/{year}", REPORT_READERS, reports::year),
                        Route.of("GET /reports", REPORT_READERS, reports::period),
                        Route.of("PUT /open-days/{site}/{date}", OPEN_DAY_KEEPERS, days::put),
                        Route.of("DELETE /open-days/{site}/{date}", OPEN_DAY_KEEPERS, days::delete),
                        Route.of("GET /open-days", OPEN_DAY_KEEPERS, days::list)),
                warmUp);
    }
}
