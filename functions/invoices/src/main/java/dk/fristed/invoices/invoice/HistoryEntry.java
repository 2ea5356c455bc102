package dk.fristed.invoices.invoice;

import dk.fristed.records.invoice.Channel;
import dk.fristed.records.invoice.InvoiceState;
import dk.fristed.records.invoice.RejectionReason;
import dk.fristed.workflow.HistoryStep;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One step of an invoice's life, written in the same transaction as the state it led to: version 1 is
 * its registration (no {@code from}), every later version one transition, with the minor units it
 * credited or paid.
 */
public record HistoryEntry(
        String invoiceId,
        long version,
        Optional<InvoiceState> from,
        InvoiceState to,
        Optional<Action> action,
        LocalDate date,
        Instant at,
        String by,
        String roles,
        Optional<Channel> channel,
        Optional<String> reference,
        Optional<RejectionReason> reason,
        long credited,
        long paid,
        Optional<String> note)
        implements HistoryStep<InvoiceState, Action> {

    @Override
    public String recordId() {
        return invoiceId;
    }

    /** Erasure keeps what happened and the amounts, and drops what was written about the patient. */
    HistoryEntry withoutPersonalText() {
        return new HistoryEntry(
                invoiceId,
                version,
                from,
                to,
                action,
                date,
                at,
                by,
                roles,
                channel,
                Optional.empty(),
                reason,
                credited,
                paid,
                Optional.empty());
    }

    boolean hasPersonalText() {
        return reference.isPresent() || note.isPresent();
    }
}
