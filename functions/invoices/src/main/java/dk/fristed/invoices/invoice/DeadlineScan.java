package dk.fristed.invoices.invoice;

import dk.fristed.audit.Actor;
import dk.fristed.records.invoice.Flag;
import dk.fristed.records.invoice.Invoice;
import dk.fristed.site.Sites;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The daily deadline run: per site, it reads only the invoices that may need a flag from the two
 * sparse indexes (waiting for an answer since before the threshold; open and due within the window or
 * past), no Scan, and puts back only those whose flags change, so a second run the same day, or a
 * schedule delivered twice, writes nothing. Transitions set the flags themselves; this run catches
 * what time alone changed. Each change is audited as a change by the system.
 */
public final class DeadlineScan {
    /** Who flags, in the audit trail. */
    private static final Actor DEADLINES = Actor.system("invoice-deadlines", "flag deadline");

    private final InvoiceRepository invoices;
    private final Sites sites;
    private final DeadlinePolicy policy;

    public DeadlineScan(InvoiceRepository invoices, Sites sites, DeadlinePolicy policy) {
        this.invoices = invoices;
        this.sites = sites;
        this.policy = policy;
    }

    /** What one run found needing attention, and how many of those it flagged now (the rest were flagged before). */
    public record Result(int needingAttention, int flagged) {}

    public Result run(LocalDate today) {
        int attention = 0;
        int flagged = 0;
        for (String site : sites.names()) {
            Map<String, Invoice> candidates = new LinkedHashMap<>();
            invoices.openDueBy(site, policy.dueSoonUntil(today)).forEach(i -> candidates.put(i.id(), i));
            invoices.awaitingAnswerSince(site, policy.unansweredBefore(today))
                    .forEach(i -> candidates.putIfAbsent(i.id(), i));
            for (Invoice invoice : candidates.values()) {
                Set<Flag> flags = policy.flags(invoice, today);
                if (flags.isEmpty()) {
                    continue;
                }
                attention++;
                if (!flags.equals(invoice.flags()) && invoices.reflag(invoice, flags, DEADLINES)) {
                    flagged++;
                }
            }
        }
        return new Result(attention, flagged);
    }
}
