package dk.fristed.reports.report;

import dk.fristed.problem.ApiProblem;
import dk.fristed.validation.Fields;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The publishable version of a calendar year, for newsletters and funders: every count of people, and of
 * events few people share, is protected by {@link ProtectedFamily} across the year's tables (all sites
 * and each site), so that reading all of them together pins no hidden count. A hidden count reads "x",
 * the same categories are hidden in every table of the year, and a breakdown that cannot be protected
 * is "x" throughout and named in {@code withheld}. Nationalities hidden are not listed: they are
 * counted together in {@code otherNationalities}, and the listed ones are by code. Figures the control
 * does not cover are left out (they stay in the internal version): new children, visits by service,
 * first and returning visits, examinations by modality, invoice amounts and days to decision.
 */
public record PublishedReport(
        String version,
        LocalDate from,
        LocalDate to,
        String site,
        int ageYear,
        int threshold,
        String protection,
        List<String> withheld,
        OpenDays openDays,
        Patients patients,
        Visits visits,
        Diagnoses diagnoses,
        Referrals referrals,
        Invoices invoices,
        FundingFigures funding) {
    public static final String PUBLISHABLE = "publishable";
    static final String PROTECTION =
            "the same categories hidden (x) in the year's report for all sites and for each site, "
                    + "so that hidden counts add up to 0 or at least the threshold in every one of them";

    /** Days, not people: as exact as in the internal version. */
    public record OpenDays(
            int total, int dropIn, int appointment, Map<String, Integer> bySite, String patientsPerOpenDay) {}

    /** {@code countriesListed}: the listed nationalities with patients here, "XX" (not known) left out. */
    public record Patients(
            int total,
            Object newPatients,
            Map<String, Object> bySex,
            Map<String, Object> byAgeGroup,
            int countriesListed,
            List<Nationality> byNationality,
            Object otherNationalities) {}

    public record Nationality(String nationality, int patients, String share) {}

    public record Visits(int total, Map<String, Object> bySite, Map<String, Object> byArea) {}

    public record Diagnoses(Object total, Map<String, Object> byChapter) {}

    public record Referrals(
            Object referrals,
            Map<String, Object> byKind,
            Map<String, Object> byState,
            Object rejected,
            Map<String, Object> rejectionsByReason,
            Object complaintsFiled,
            Map<String, Object> complaintOutcomes) {}

    public record Invoices(Object received, Map<String, Object> byOutcome) {}

    /** @param site one site, or empty for all sites; a site not published apart is refused (422 naming {@code site}) */
    public static PublishedReport of(YearFamily year, Optional<String> site, int threshold) {
        var family = new ProtectedFamily(year, threshold);
        if (site.isPresent() && family.hiddenSites().contains(site.get())) {
            throw ApiProblem.unprocessable(
                    "site",
                    "too few patients or visits at this site in the year to publish its figures apart" + " (below "
                            + threshold + ", or hidden with a site that had); all sites include them");
        }
        ClinicReport t = site.map(year.bySite()::get).orElse(year.all());
        var sex = family.protect("patients.bySex", r -> r.patients().bySex());
        var age = family.protect("patients.byAgeGroup", r -> r.patients().byAgeGroup());
        var nationality = family.protect("patients.byNationality", PublishedReport::byNationality);
        var newness = family.protect(
                "patients.newPatients",
                r -> Map.of(
                        "new",
                        r.patients().newPatients(),
                        "returning",
                        r.patients().total() - r.patients().newPatients()));
        var area = family.protect("visits.byArea", r -> r.visits().byArea());
        var chapter = family.protect("diagnoses.byChapter", r -> r.diagnoses().byChapter());
        var kind = family.protect("referrals.byKind", r -> r.referrals().byKind());
        var state = family.protect("referrals.byState", r -> r.referrals().byState());
        var reason = family.protect(
                "referrals.rejectionsByReason", r -> r.referrals().rejectionsByReason());
        var complaint = family.protect("referrals.complaintOutcomes", r -> complaintOutcomes(r));
        var outcome = family.protect("invoices.byOutcome", r -> invoiceOutcomes(r));

        var patients = t.patients();
        // listed: a nationality shown in every table that has patients of it somewhere; the same list in every table
        Map<String, Integer> here = byNationality(t);
        List<Nationality> listed = byNationality(year.all()).entrySet().stream()
                .filter(e -> e.getValue() > 0 && nationality.shows(e.getKey()))
                .map(e -> {
                    int n = here.getOrDefault(e.getKey(), 0);
                    return new Nationality(e.getKey(), n, Percent.of(n, patients.total()));
                })
                .toList();
        int countries = (int) listed.stream()
                .filter(n -> n.patients() > 0 && !n.nationality().equals(Fields.UNKNOWN_NATIONALITY))
                .count();
        var open = t.openDays();
        return new PublishedReport(
                PUBLISHABLE,
                t.from(),
                t.to(),
                t.site(),
                t.ageYear(),
                threshold,
                PROTECTION,
                family.withheld(),
                new OpenDays(open.total(), open.dropIn(), open.appointment(), open.bySite(), open.patientsPerOpenDay()),
                new Patients(
                        patients.total(),
                        newness.cell(t, "new"),
                        sex.cells(t),
                        age.cells(t),
                        countries,
                        listed,
                        nationality.hiddenSum(t)),
                new Visits(t.visits().total(), visitsBySite(t, family), area.cells(t)),
                new Diagnoses(chapter.total(t), chapter.cells(t)),
                new Referrals(
                        kind.total(t),
                        kind.cells(t),
                        state.cells(t),
                        reason.total(t),
                        reason.cells(t),
                        complaint.total(t),
                        complaint.cells(t)),
                new Invoices(outcome.total(t), outcome.cells(t)),
                t.funding());
    }

    /** A site not published apart shows "x": its patients or visits were few, or hidden with such a site's. */
    private static Map<String, Object> visitsBySite(ClinicReport table, ProtectedFamily family) {
        Map<String, Object> cells = new LinkedHashMap<>();
        table.visits()
                .bySite()
                .forEach(
                        (site, n) -> cells.put(site, family.hiddenSites().contains(site) ? ProtectedFamily.HIDDEN : n));
        return cells;
    }

    private static Map<String, Integer> byNationality(ClinicReport report) {
        Map<String, Integer> counts = new TreeMap<>();
        report.patients().byNationality().forEach(n -> counts.put(n.nationality(), n.patients()));
        return counts;
    }

    private static Map<String, Integer> complaintOutcomes(ClinicReport report) {
        var complaints = report.referrals().complaints();
        Map<String, Integer> outcomes = new LinkedHashMap<>();
        outcomes.put("upheld", complaints.upheld());
        outcomes.put("dismissed", complaints.dismissed());
        outcomes.put("pending", complaints.pending());
        return outcomes;
    }

    /** Each invoice once: credited in full, partly credited, rejected, or none of these yet. */
    private static Map<String, Integer> invoiceOutcomes(ClinicReport report) {
        var counts = report.invoices().invoices();
        Map<String, Integer> outcomes = new LinkedHashMap<>();
        outcomes.put("creditedInFull", counts.creditedInFull());
        outcomes.put("partlyCredited", counts.partlyCredited());
        outcomes.put("rejected", counts.rejected());
        outcomes.put(
                "undecided", counts.received() - counts.creditedInFull() - counts.partlyCredited() - counts.rejected());
        return outcomes;
    }
}
