package dk.fristed.reports.report;

import dk.fristed.audit.AuditTrail;
import dk.fristed.auth.Role;
import dk.fristed.calendar.Period;
import dk.fristed.csv.CsvTable;
import dk.fristed.http.ApiRequest;
import dk.fristed.http.ApiResponse;
import dk.fristed.http.TextBody;
import dk.fristed.i18n.Language;
import dk.fristed.problem.ApiProblem;
import dk.fristed.site.Sites;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /reports/{year}} and {@code GET /reports?from=&to=}: one site or all, as JSON or
 * ({@code format=csv}) CSV, internal or publishable. Coordinators and admins read either version (the
 * internal one unless they ask); finance reads only the publishable one. Each report read is audited
 * as a read of aggregate data: who, when, which period, site and version; no patient is named.
 */
public final class ReportRoutes {
    private static final Set<Role> READ_INTERNAL = Set.of(Role.COORDINATOR, Role.ADMIN);

    private final ReportMaker maker;
    private final AuditTrail audit;
    private final Sites sites;
    private final int threshold;
    private final Clock clock;

    public ReportRoutes(ReportMaker maker, AuditTrail audit, Sites sites, int threshold, Clock clock) {
        this.maker = maker;
        this.audit = audit;
        this.sites = sites;
        this.threshold = threshold;
        this.clock = clock;
    }

    /** {@code GET /reports/{year}}: the calendar year. */
    public ApiResponse year(ApiRequest request) {
        int year = Period.year(request.path("year"), "year", Year.now(clock).getValue());
        return report(request, new Period(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)));
    }

    /** {@code GET /reports?from=&to=}: any period of up to a year. */
    public ApiResponse period(ApiRequest request) {
        return report(request, request.period());
    }

    private ApiResponse report(ApiRequest request, Period period) {
        Optional<String> site = request.query("site").map(s -> sites.require(s, "site"));
        boolean csv = format(request);
        Language language = request.language(); // before the work: a wrong locale is refused at once
        String version = version(request);
        List<String> covered = site.map(List::of).orElse(sites.names());
        Object report = version.equals(ClinicReport.INTERNAL)
                ? maker.make(period, site, covered)
                : PublishedReport.of(maker.family(publishable(period), sites.names()), site, threshold);
        audit.aggregateReadOf(
                request, period.from() + ".." + period.to() + " site=" + site.orElse("all") + " version=" + version);
        if (csv) {
            String name = "report-" + site.map(s -> s + "-").orElse("") + period.from() + "-" + period.to() + "-"
                    + version + ".csv";
            return ApiResponse.ok(new TextBody(CsvTable.CONTENT_TYPE, ReportCsv.csv(report, language), name));
        }
        return ApiResponse.ok(report);
    }

    /**
     * The period, if a publishable version may cover it: a calendar year that has ended. Any other period
     * could be set against the year (a quarter, the year less a day) to recover what the year hides, and a
     * year still running changes from one day to the next.
     */
    private Period publishable(Period period) {
        if (!ReportMaker.wholeYear(period) || !period.to().isBefore(LocalDate.now(clock))) {
            throw ApiProblem.badRequest(
                    "version",
                    "a publishable report covers a calendar year that has ended"
                            + " (GET /reports/{year}); other periods have the internal version only");
        }
        return period;
    }

    private static boolean format(ApiRequest request) {
        String format = request.query("format").orElse("json");
        if (!format.equals("json") && !format.equals("csv")) {
            throw ApiProblem.badRequest("format", "must be json or csv");
        }
        return format.equals("csv");
    }

    /** The version asked for; finance may only have the publishable one, and gets it unasked. */
    private static String version(ApiRequest request) {
        boolean mayReadInternal = request.caller().hasAnyOf(READ_INTERNAL);
        String version =
                request.query("version").orElse(mayReadInternal ? ClinicReport.INTERNAL : PublishedReport.PUBLISHABLE);
        if (!version.equals(ClinicReport.INTERNAL) && !version.equals(PublishedReport.PUBLISHABLE)) {
            throw ApiProblem.badRequest("version", "must be internal or publishable");
        }
        if (version.equals(ClinicReport.INTERNAL) && !mayReadInternal) {
            throw new ApiProblem(403, "Forbidden", "may only be publishable for finance", "version");
        }
        return version;
    }
}
