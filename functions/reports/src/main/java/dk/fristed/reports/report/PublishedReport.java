package dk.fristed.reports.report;

import dk.fristed.invoices.invoice.InvoiceTotals;
import dk.fristed.referrals.referral.ReferralCounts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The publishable version, for newsletters and funders: the internal report with its breakdowns by sex,
 * age group, nationality and diagnosis chapter protected by {@link SmallCounts}. A small count reads
 * "<10", a count hidden to protect it reads "x", and a breakdown that cannot be protected is withheld
 * (named in {@code withheld}). Nationalities are listed by code, whatever their counts. Everything else is
 * as exact as in the internal version.
 */
public record PublishedReport(String version, LocalDate from, LocalDate to, String site, int ageYear, int threshold,
                              List<String> withheld, OpenDayFigures openDays, Patients patients, VisitFigures visits,
                              Diagnoses diagnoses, ReferralCounts referrals, InvoiceTotals invoices, FundingFigures funding) {
    public static final String PUBLISHABLE = "publishable";

    public record Patients(int total, int newPatients, int newChildren, Map<String, Object> bySex, Map<String, Object> byAgeGroup,
                           int countries, List<Nationality> byNationality) {
    }

    /** {@code patients} is a count, "<10" or "x"; the share is left out where the count is. */
    public record Nationality(String nationality, Object patients, String share) {
    }

    public record Diagnoses(int total, Map<String, Object> byChapter) {
    }

    public static PublishedReport of(ClinicReport report, int threshold) {
        List<String> withheld = new ArrayList<>();
        PatientFigures p = report.patients();
        Map<String, Integer> nationalityCounts = new LinkedHashMap<>();
        p.byNationality().forEach(n -> nationalityCounts.put(n.nationality(), n.patients()));
        var bySex = protect("patients.bySex", p.bySex(), threshold, true, withheld);
        var byAge = protect("patients.byAgeGroup", p.byAgeGroup(), threshold, true, withheld);
        var byNationality = protect("patients.byNationality", nationalityCounts, threshold, false, withheld);
        var byChapter = protect("diagnoses.byChapter", report.diagnoses().byChapter(), threshold, true, withheld);
        // by code: the internal order (largest first) would let a reader rank, and so narrow down, the hidden counts
        List<Nationality> nationalities = p.byNationality().stream()
                .filter(n -> byNationality.containsKey(n.nationality()))
                .sorted(Comparator.comparing(PatientFigures.Nationality::nationality))
                .map(n -> {
                    Object shown = byNationality.get(n.nationality());
                    return new Nationality(n.nationality(), shown, shown instanceof Integer ? n.share() : null);
                })
                .toList();
        return new PublishedReport(PUBLISHABLE, report.from(), report.to(), report.site(), report.ageYear(), threshold, withheld,
                report.openDays(), new Patients(p.total(), p.newPatients(), p.newChildren(), bySex, byAge, p.countries(), nationalities),
                report.visits(), new Diagnoses(report.diagnoses().total(), byChapter), report.referrals(), report.invoices(),
                report.funding());
    }

    private static Map<String, Object> protect(String name, Map<String, Integer> counts, int threshold, boolean zerosListed,
                                               List<String> withheld) {
        var published = SmallCounts.protect(counts, threshold, zerosListed);
        if (published.withheld()) {
            withheld.add(name);
        }
        return published.cells();
    }
}
