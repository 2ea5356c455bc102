package dk.fristed.reports.report;

import dk.fristed.calendar.Period;
import dk.fristed.invoices.invoice.InvoiceTotals;
import dk.fristed.referrals.referral.ReferralCounts;
import dk.fristed.visits.visit.Visit;

import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/** Puts a report together from the period's records; every figure is computed here, at the time of asking. */
public final class ReportMaker {
    private final PeriodRecords records;
    private final AgeGroups ageGroups;
    private final Clock clock;

    public ReportMaker(PeriodRecords records, AgeGroups ageGroups, Clock clock) {
        this.records = records;
        this.ageGroups = ageGroups;
        this.clock = clock;
    }

    /**
     * @param site  one site, or empty for all of {@code sites}
     * @param sites the sites the report covers
     */
    public ClinicReport make(Period period, Optional<String> site, List<String> sites) {
        List<Visit> visits = records.visits(sites, period);
        var helpNumbers = new LinkedHashSet<>(visits.stream().map(Visit::helpNumber).toList());
        // a period that spans two years counts ages in the year it ends
        int ageYear = period.to().getYear();
        var patients = PatientFigures.of(records.patients(helpNumbers), period, ageYear, ageGroups);
        FundingFigures funding = site.isEmpty() && wholeYear(period)
                ? records.funding(period.from().getYear(), LocalDate.now(clock)).map(FundingFigures::of).orElse(null)
                : null;
        return new ClinicReport(ClinicReport.INTERNAL, period.from(), period.to(), site.orElse(null), ageYear,
                OpenDayFigures.of(records.openDays(sites, period), visits, sites), patients, VisitFigures.of(visits, sites),
                DiagnosisFigures.of(visits),
                ReferralCounts.of(period.from(), period.to(), site.orElse(null), records.referrals(sites, period)),
                InvoiceTotals.of(period.from(), period.to(), site.orElse(null), records.invoices(sites, period)), funding);
    }

    static boolean wholeYear(Period period) {
        return MonthDay.from(period.from()).equals(MonthDay.of(1, 1)) && period.to().equals(period.from().withMonth(12).withDayOfMonth(31));
    }
}
