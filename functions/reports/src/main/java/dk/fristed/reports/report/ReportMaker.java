package dk.fristed.reports.report;

import dk.fristed.calendar.Period;
import dk.fristed.helpnumber.HelpNumber;
import dk.fristed.records.invoice.Invoice;
import dk.fristed.records.invoice.InvoiceTotals;
import dk.fristed.records.ledger.Progress;
import dk.fristed.records.patient.Patient;
import dk.fristed.records.referral.Referral;
import dk.fristed.records.referral.ReferralCounts;
import dk.fristed.records.visit.Visit;
import dk.fristed.reports.openday.OpenDay;

import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.stream.Collectors;

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
        return report(period, site.orElse(null), sites, read(period, sites, site.isEmpty()));
    }

    /** A calendar year for all of {@code sites} and for each of them, from one read: what its publishable version protects. */
    public YearFamily family(Period year, List<String> sites) {
        Read read = read(year, sites, true);
        Map<String, ClinicReport> bySite = new LinkedHashMap<>();
        sites.forEach(s -> bySite.put(s, report(year, s, List.of(s), read.at(s))));
        return new YearFamily(report(year, null, sites, read), bySite);
    }

    /** What a report counts: the period's records at the sites, the patients seen (each once) and the funding. */
    private record Read(
            List<Visit> visits,
            List<Patient> patients,
            List<OpenDay> openDays,
            List<Referral> referrals,
            List<Invoice> invoices,
            Optional<Progress> funding) {

        /** The part of it at one site: its patients are those with a visit there. */
        Read at(String site) {
            List<Visit> there =
                    visits.stream().filter(v -> v.site().equals(site)).toList();
            Set<HelpNumber> seen = there.stream().map(Visit::helpNumber).collect(Collectors.toSet());
            return new Read(
                    there,
                    patients.stream().filter(p -> seen.contains(p.helpNumber())).toList(),
                    openDays.stream().filter(d -> d.site().equals(site)).toList(),
                    referrals.stream().filter(r -> r.site().equals(site)).toList(),
                    invoices.stream().filter(i -> i.site().equals(site)).toList(),
                    Optional.empty());
        }
    }

    private Read read(Period period, List<String> sites, boolean withFunding) {
        // each site's visits, referrals, invoices and open days at once; the patients once their visits are in
        var visits = perSite(sites, s -> records.visits(s, period));
        var openDays = perSite(sites, s -> records.openDays(s, period));
        var referrals = perSite(sites, s -> records.referrals(s, period));
        var invoices = perSite(sites, s -> records.invoices(s, period));
        var funding = withFunding && wholeYear(period)
                ? CompletableFuture.supplyAsync(
                        () -> records.funding(period.from().getYear(), LocalDate.now(clock)), reads)
                : CompletableFuture.completedFuture(Optional.<Progress>empty());
        List<Visit> read = joined(visits);
        var patients =
                PeriodRecords.batches(new LinkedHashSet<>(
                                read.stream().map(Visit::helpNumber).toList()))
                        .stream()
                        .map(batch -> CompletableFuture.supplyAsync(() -> records.patients(batch), reads))
                        .toList();
        var counted = CountedOnce.of(read, joined(patients), records::patients);
        return new Read(
                counted.visits(),
                counted.patients(),
                joined(openDays),
                joined(referrals),
                joined(invoices),
                join(funding));
    }

    private ClinicReport report(Period period, String site, List<String> sites, Read read) {
        // a period that spans two years counts ages in the year it ends
        int ageYear = period.to().getYear();
        return new ClinicReport(
                ClinicReport.INTERNAL,
                period.from(),
                period.to(),
                site,
                ageYear,
                OpenDayFigures.of(read.openDays(), read.visits(), sites),
                PatientFigures.of(read.patients(), period, ageYear, ageGroups),
                VisitFigures.of(read.visits(), sites),
                DiagnosisFigures.of(read.visits()),
                ReferralCounts.of(period.from(), period.to(), site, read.referrals()),
                InvoiceTotals.of(period.from(), period.to(), site, read.invoices()),
                read.funding().map(FundingFigures::of).orElse(null));
    }

    private <T> List<CompletableFuture<List<T>>> perSite(List<String> sites, Function<String, List<T>> read) {
        return sites.stream()
                .map(s -> CompletableFuture.supplyAsync(() -> read.apply(s), reads))
                .toList();
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
        return MonthDay.from(period.from()).equals(MonthDay.of(1, 1))
                && period.to().equals(period.from().withMonth(12).withDayOfMonth(31));
    }
}
