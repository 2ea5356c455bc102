package dk.fristed.records.invoice;

import dk.fristed.money.Money;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The totals of a period's invoices (by the day received), for finance and the yearly report: no help
 * numbers, no invoice numbers. Amounts are summed per currency in exact integer minor units, never one
 * currency into another. An invoice counts as credited in full when its whole amount was credited,
 * partly when some of it was; as rejected when the creditor refused and credited nothing; as paid by
 * the clinic when its fund paid any of it. Outstanding is what is neither credited nor paid, on
 * invoices not written off. Days to decision run from the day received to the creditor's first answer;
 * median and 90th percentile by the nearest-rank method (the value at rank ceil(p/100 x n)).
 */
public record InvoiceTotals(
        LocalDate from,
        LocalDate to,
        String site,
        Counts invoices,
        List<Amounts> amounts,
        DaysToDecision daysToDecision) {

    public record Counts(
            int received,
            int creditedInFull,
            int partlyCredited,
            int rejected,
            int paidByClinic,
            int writtenOff,
            int open) {}

    public record Amounts(
            String currency,
            int fractionDigits,
            long invoiced,
            long credited,
            long paid,
            long writtenOff,
            long outstanding) {}

    public record DaysToDecision(int decided, Integer median, Integer p90, String method) {}

    public static InvoiceTotals of(LocalDate from, LocalDate to, String site, List<Invoice> all) {
        int creditedInFull = 0;
        int partly = 0;
        int rejected = 0;
        int paidByClinic = 0;
        int writtenOff = 0;
        int open = 0;
        Map<String, long[]> sums = new TreeMap<>(); // invoiced, credited, paid, written off, outstanding
        List<Integer> days = new ArrayList<>();
        for (Invoice invoice : all) {
            long amount = invoice.amount().minor();
            boolean written = invoice.state() == InvoiceState.WRITTEN_OFF;
            if (invoice.credited() == amount) {
                creditedInFull++;
            } else if (invoice.credited() > 0) {
                partly++;
            } else if (invoice.outcome().rejectionReason().isPresent()) {
                rejected++;
            }
            if (invoice.paid() > 0) {
                paidByClinic++;
            }
            if (written) {
                writtenOff++;
            }
            if (invoice.state().open()) {
                open++;
            }
            long[] sum = sums.computeIfAbsent(invoice.amount().currency(), c -> new long[5]);
            long rest = invoice.outstanding().minor();
            sum[0] = Math.addExact(sum[0], amount);
            sum[1] = Math.addExact(sum[1], invoice.credited());
            sum[2] = Math.addExact(sum[2], invoice.paid());
            sum[3] = Math.addExact(sum[3], written ? rest : 0);
            sum[4] = Math.addExact(sum[4], written ? 0 : rest);
            invoice.outcome()
                    .decidedOn()
                    .ifPresent(d -> days.add(Math.toIntExact(ChronoUnit.DAYS.between(invoice.receivedOn(), d))));
        }
        List<Amounts> amounts = sums.entrySet().stream()
                .map(e -> new Amounts(
                        e.getKey(),
                        Money.fractionDigits(e.getKey()),
                        e.getValue()[0],
                        e.getValue()[1],
                        e.getValue()[2],
                        e.getValue()[3],
                        e.getValue()[4]))
                .toList();
        days.sort(null);
        return new InvoiceTotals(
                from,
                to,
                site,
                new Counts(all.size(), creditedInFull, partly, rejected, paidByClinic, writtenOff, open),
                amounts,
                new DaysToDecision(days.size(), nearestRank(days, 50), nearestRank(days, 90), "nearest-rank"));
    }

    /** The value at rank ceil(p/100 x n) of the sorted values; null when there are none. */
    public static Integer nearestRank(List<Integer> sorted, int percent) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }
}
