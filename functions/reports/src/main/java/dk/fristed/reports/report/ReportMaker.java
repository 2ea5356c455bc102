package dk.fristed.reports.report;

import dk.fristed.budget.ledger.Progress;
import dk.fristed.calendar.Period;
import dk.fristed.invoices.invoice.InvoiceTotals;
import dk.fristed.referrals.referral.ReferralCounts;
import dk.fristed.visits.visit.Visit;

import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Function;

/** Puts a report together from the period's records; every figure is computed here, at the time of asking. */
public final class ReportMaker {
    private final PeriodRecords records;
    private final AgeGroups ageGroups;
    private final Executor reads;
    private final Clock clock;

    /** @param reads runs the independent reads side by side: decrypting the records is most of a report's time */
    public ReportMaker(PeriodRecords records, AgeGroups ageGroups, Executor reads, Clock clock) {
        this.records = records;
        this.ageGroups = ageGroups;
        this.reads = reads;
        this.clock = clock;
    }

    /**
     * @param site  one site, or empty for all of {@code sites}
     * @param sites the sites the report covers
     */
    public ClinicReport make(Period period, Optional<String> site, List<String> sites) {
        // each site's visits, referrals, invoices and open days at once; the patients once their visits are in
        var visits = perSite(sites, s -> records.visits(s, period));
        var openDays = perSite(sites, s -> records.openDays(s, period));
        var referrals = perSite(sites, s -> records.referrals(s, period));
        var invoices = perSite(sites, s -> records.invoices(s, period));
        var funding = site.isEmpty() && wholeYear(period)
                ? CompletableFuture.supplyAsync(() -> records.funding(period.from().getYear(), LocalDate.now(clock)), reads)
                : CompletableFuture.completedFuture(Optional.<Progress>empty());
        List<Visit> read = joined(visits);
        var patients = PeriodRecords.batches(new LinkedHashSet<>(read.stream().map(Visit::helpNumber).toList())).stream()
                .map(batch -> CompletableFuture.supplyAsync(() -> records.patients(batch), reads)).toList();
        var counted = CountedOnce.of(read, joined(patients), records::patients);
        List<Visit> allVisits = counted.visits();
        // a period that spans two years counts ages in the year it ends
        int ageYear = period.to().getYear();
        return new ClinicReport(ClinicReport.INTERNAL, period.from(), period.to(), site.orElse(null), ageYear,
                OpenDayFigures.of(joined(openDays), allVisits, sites),
                PatientFigures.of(counted.patients(), period, ageYear, ageGroups), VisitFigures.of(allVisits, sites),
                DiagnosisFigures.of(allVisits),
                ReferralCounts.of(period.from(), period.to(), site.orElse(null), joined(referrals)),
                InvoiceTotals.of(period.from(), period.to(), site.orElse(null), joined(invoices)),
                join(funding).map(FundingFigures::of).orElse(null));
    }

    private <T> List<CompletableFuture<List<T>>> perSite(List<String> sites, Function<String, List<T>> read) {
        return sites.stream().map(s -> CompletableFuture.supplyAsync(() -> read.apply(s), reads)).toList();
    }

    private static <T> List<T> joined(List<CompletableFuture<List<T>>> parts) {
        List<T> all = new ArrayList<>();
        parts.forEach(part -> all.addAll(join(part)));
        return all;
    }

    /** The result, or the read's own exception (a throttled or refused call answers as it would unthreaded). */
    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    static boolean wholeYear(Period period) {
        return MonthDay.from(period.from()).equals(MonthDay.of(1, 1)) && period.to().equals(period.from().withMonth(12).withDayOfMonth(31));
    }
}
