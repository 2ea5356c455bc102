package dk.fristed.records.invoice;

import dk.fristed.helpnumber.HelpNumber;
import dk.fristed.money.Money;
import dk.fristed.workflow.WorkflowRecord;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * A hospital's or service's invoice to a patient that the clinic tries to get credited: who sent it for
 * how much, where it stands since when, and what was credited and paid so far. Credited plus paid never
 * exceeds the amount (the transitions refuse it), so {@link #outstanding()} is never negative.
 */
public record Invoice(
        String id,
        HelpNumber helpNumber,
        String site,
        String creditor,
        Optional<String> invoiceNumber,
        String numberKey,
        LocalDate invoiceDate,
        LocalDate dueDate,
        LocalDate receivedOn,
        Money amount,
        long credited,
        long paid,
        Optional<String> referralId,
        Optional<String> visitId,
        Optional<String> note,
        InvoiceState state,
        LocalDate stateSince,
        long version,
        Outcome outcome,
        Set<Flag> flags,
        String createdBy,
        Instant createdAt,
        Optional<Instant> erasedAt)
        implements WorkflowRecord {

    /** The same invoice under the record its patient's was merged into, one version on. */
    public Invoice mergedInto(HelpNumber survivor) {
        return new Invoice(
                id,
                survivor,
                site,
                creditor,
                invoiceNumber,
                numberKey,
                invoiceDate,
                dueDate,
                receivedOn,
                amount,
                credited,
                paid,
                referralId,
                visitId,
                note,
                state,
                stateSince,
                version + 1,
                outcome,
                flags,
                createdBy,
                createdAt,
                erasedAt);
    }

    /**
     * What the transitions recorded: the latest request or appeal (how, when, the creditor's reference),
     * why it was last rejected, and the day of the creditor's first answer (for days to decision).
     */
    public record Outcome(
            Optional<Channel> channel,
            Optional<String> reference,
            Optional<LocalDate> requestedOn,
            Optional<RejectionReason> rejectionReason,
            Optional<LocalDate> decidedOn) {
        public static final Outcome NONE =
                new Outcome(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

        public Outcome withoutReference() {
            return new Outcome(channel, Optional.empty(), requestedOn, rejectionReason, decidedOn);
        }
    }

    public Money outstanding() {
        return new Money(amount.minor() - credited - paid, amount.currency());
    }

    /** The same invoice in {@code next}, one version on, with what the transition recorded and the flags it leaves. */
    public Invoice moved(
            InvoiceState next, LocalDate on, Outcome recorded, long nowCredited, long nowPaid, Set<Flag> nowFlags) {
        return new Invoice(
                id,
                helpNumber,
                site,
                creditor,
                invoiceNumber,
                numberKey,
                invoiceDate,
                dueDate,
                receivedOn,
                amount,
                nowCredited,
                nowPaid,
                referralId,
                visitId,
                note,
                next,
                on,
                version + 1,
                recorded,
                nowFlags,
                createdBy,
                createdAt,
                erasedAt);
    }

    /** Flagged (or no longer) by the daily deadline run: same version, so nobody's If-Match goes stale. */
    public Invoice withFlags(Set<Flag> nowFlags) {
        return new Invoice(
                id,
                helpNumber,
                site,
                creditor,
                invoiceNumber,
                numberKey,
                invoiceDate,
                dueDate,
                receivedOn,
                amount,
                credited,
                paid,
                referralId,
                visitId,
                note,
                state,
                stateSince,
                version,
                outcome,
                nowFlags,
                createdBy,
                createdAt,
                erasedAt);
    }

    /**
     * Erased with its patient: unlinked from the help number, the referral and the visit; the invoice
     * number (it identifies the patient at the creditor), the creditor's reference and the note go. The
     * creditor, amounts, dates and outcome stay: the totals, and the clinic's books (an invoice it paid
     * or wrote off is an accounting record, kept five years under the Danish Bookkeeping Act). One
     * version on, so that a change that read the number cannot put it back.
     */
    public Invoice erased(Instant at) {
        return new Invoice(
                id,
                HelpNumber.UNLINKED,
                site,
                creditor,
                Optional.empty(),
                numberKey,
                invoiceDate,
                dueDate,
                receivedOn,
                amount,
                credited,
                paid,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                state,
                stateSince,
                version + 1,
                outcome.withoutReference(),
                Set.of(),
                createdBy,
                createdAt,
                Optional.of(at));
    }
}
