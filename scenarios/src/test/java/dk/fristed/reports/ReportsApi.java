package dk.fristed.reports;

import dk.fristed.budget.BudgetFunction;
import dk.fristed.config.Categories;
import dk.fristed.devkit.FunctionTestbed;
import dk.fristed.invoices.InvoiceErasureFunction;
import dk.fristed.invoices.InvoiceTables;
import dk.fristed.invoices.InvoicesFunction;
import dk.fristed.invoices.invoice.DeadlinePolicy;
import dk.fristed.log.JsonLog;
import dk.fristed.paging.Hmac;
import dk.fristed.referrals.ReferralErasureFunction;
import dk.fristed.referrals.ReferralTables;
import dk.fristed.referrals.ReferralsFunction;
import dk.fristed.reports.report.AgeGroups;
import dk.fristed.site.Sites;
import dk.fristed.visits.VisitsFunction;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * The reports function on a {@link FunctionTestbed}, beside the functions whose records it counts
 * (visits, referrals, invoices, budget), all on 1 March 2025 at noon UTC, so that 2024 is a whole
 * year in the past. Records are made through their own public routes, as a clinic makes them.
 */
final class ReportsApi {
    static final Sites SITES = Sites.parse("copenhagen,aarhus,odense,aalborg");
    static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
    static final int THRESHOLD = 10;

    final FunctionTestbed testbed = new FunctionTestbed();
    final Map<String, String> tables = testbed.tables;
    final ByteArrayOutputStream logs = new ByteArrayOutputStream();
    final ReportsFunction function;
    private final ReferralTables referralTables;
    private final InvoiceTables invoiceTables;

    ReportsApi() {
        this(null);
    }

    /** @param reads where the report's reads run; null: side by side, as deployed */
    ReportsApi(java.util.concurrent.Executor reads) {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        Hmac key = new Hmac(new byte[32]);
        var names = new ReportTables(
                tables.get("PatientsTable"),
                tables.get("VisitsTable"),
                tables.get("ReferralsTable"),
                tables.get("InvoicesTable"),
                tables.get("BudgetTable"),
                tables.get("OpenDaysTable"),
                tables.get("AuditTable"));
        function = reads == null
                ? new ReportsFunction(
                        names,
                        testbed.connection(),
                        testbed.fieldEncryption,
                        key,
                        SITES,
                        AgeGroups.parse(AgeGroups.DEFAULT),
                        THRESHOLD,
                        Categories.parse(Categories.DEFAULT),
                        clock,
                        log("reports"))
                : new ReportsFunction(
                        names,
                        testbed.connection(),
                        testbed.fieldEncryption,
                        key,
                        SITES,
                        AgeGroups.parse(AgeGroups.DEFAULT),
                        THRESHOLD,
                        Categories.parse(Categories.DEFAULT),
                        reads,
                        clock,
                        log("reports"));
        var visits = new VisitsFunction(
                new VisitsFunction.Tables(
                        tables.get("PatientsTable"),
                        tables.get("VisitsTable"),
                        tables.get("IdempotencyTable"),
                        tables.get("AuditTable")),
                testbed.connection(),
                testbed.fieldEncryption,
                key,
                SITES,
                clock,
                log("visits"));
        var referrals = new ReferralsFunction(
                new ReferralTables(
                        tables.get("ReferralsTable"),
                        tables.get("ReferralHistoryTable"),
                        tables.get("PatientsTable"),
                        tables.get("VisitsTable"),
                        tables.get("IdempotencyTable"),
                        tables.get("AuditTable")),
                testbed.connection(),
                testbed.fieldEncryption,
                key,
                SITES,
                clock,
                log("referrals"));
        var invoices = new InvoicesFunction(
                new InvoiceTables(
                        tables.get("InvoicesTable"),
                        tables.get("InvoiceHistoryTable"),
                        tables.get("InvoiceNumbersTable"),
                        tables.get("PatientsTable"),
                        tables.get("VisitsTable"),
                        tables.get("ReferralsTable"),
                        tables.get("IdempotencyTable"),
                        tables.get("AuditTable")),
                testbed.connection(),
                testbed.fieldEncryption,
                key,
                SITES,
                new DeadlinePolicy(21, 7),
                clock,
                log("invoices"));
        referralTables = new ReferralTables(
                tables.get("ReferralsTable"),
                tables.get("ReferralHistoryTable"),
                tables.get("PatientsTable"),
                tables.get("VisitsTable"),
                tables.get("IdempotencyTable"),
                tables.get("AuditTable"));
        invoiceTables = new InvoiceTables(
                tables.get("InvoicesTable"),
                tables.get("InvoiceHistoryTable"),
                tables.get("InvoiceNumbersTable"),
                tables.get("PatientsTable"),
                tables.get("VisitsTable"),
                tables.get("ReferralsTable"),
                tables.get("IdempotencyTable"),
                tables.get("AuditTable"));
        var budget = new BudgetFunction(
                new BudgetFunction.Tables(tables.get("BudgetTable"), tables.get("IdempotencyTable")),
                testbed.connection(),
                testbed.fieldEncryption,
                key,
                "DKK",
                Categories.parse(Categories.DEFAULT),
                clock,
                log("budget"));
        testbed.serve(Map.of(
                "ReportsFunction",
                function,
                "VisitsFunction",
                visits,
                "ReferralsFunction",
                referrals,
                "InvoicesFunction",
                invoices,
                "BudgetFunction",
                budget));
    }

    /** The patients table's stream, read by the referral and invoice erasure functions as deployed. */
    dk.fristed.devkit.LocalStreams erasureStreams() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        var referrals = new ReferralErasureFunction(
                referralTables, testbed.connection(), testbed.fieldEncryption, clock, log("referral-erasure"));
        var invoices = new InvoiceErasureFunction(
                invoiceTables, testbed.connection(), testbed.fieldEncryption, clock, log("invoice-erasure"));
        return testbed.streams(id -> id.equals("ReferralErasureFunction")
                ? referrals
                : id.equals("InvoiceErasureFunction") ? invoices : null);
    }

    JsonLog log(String function) {
        return new JsonLog(function, new PrintStream(logs, true, StandardCharsets.UTF_8));
    }

    FunctionTestbed.Response call(
            String method, String pathAndQuery, String role, Object body, Map<String, String> headers) {
        return testbed.call(method, pathAndQuery, role, body, headers);
    }

    FunctionTestbed.Response call(String method, String pathAndQuery, String role, Object body) {
        return testbed.call(method, pathAndQuery, role, body);
    }

    /** Makes the call and fails loudly unless it answers {@code status}. */
    FunctionTestbed.Response expect(int status, String method, String pathAndQuery, String role, Object body) {
        var response = call(method, pathAndQuery, role, body);
        if (response.status() != status) {
            throw new AssertionError(method + " " + pathAndQuery + ": expected " + status + ", got " + response.status()
                    + " " + response.body());
        }
        return response;
    }
}
