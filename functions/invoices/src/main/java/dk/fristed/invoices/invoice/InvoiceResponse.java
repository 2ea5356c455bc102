package dk.fristed.invoices.invoice;

import dk.fristed.records.invoice.Invoice;
import dk.fristed.validation.Fields;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An invoice on the wire, amounts in integer minor units of {@code currency}; {@code allowedActions}
 * tells a client which buttons to show, {@code history} comes with a single invoice only.
 */
public record InvoiceResponse(
        String id,
        String helpNumber,
        String site,
        String creditor,
        String invoiceNumber,
        LocalDate invoiceDate,
        LocalDate dueDate,
        LocalDate receivedOn,
        String currency,
        long amount,
        long credited,
        long paid,
        long outstanding,
        String referralId,
        String visitId,
        String note,
        String state,
        LocalDate stateSince,
        List<String> allowedActions,
        String channel,
        String reference,
        LocalDate requestedOn,
        String rejectionReason,
        LocalDate decidedOn,
        List<String> flags,
        String createdBy,
        Instant createdAt,
        long version,
        List<HistoryResponse> history) {

    public record HistoryResponse(
            long version,
            String from,
            String to,
            String action,
            LocalDate date,
            Instant at,
            String by,
            String roles,
            String channel,
            String reference,
            String reason,
            long credited,
            long paid,
            String note) {
        static HistoryResponse of(HistoryEntry e) {
            return new HistoryResponse(
                    e.version(),
                    e.from().map(Fields::wireName).orElse(null),
                    Fields.wireName(e.to()),
                    e.action().map(Fields::wireName).orElse(null),
                    e.date(),
                    e.at(),
                    e.by(),
                    e.roles(),
                    e.channel().map(Fields::wireName).orElse(null),
                    e.reference().orElse(null),
                    e.reason().map(Fields::wireName).orElse(null),
                    e.credited(),
                    e.paid(),
                    e.note().orElse(null));
        }
    }

    static InvoiceResponse of(Invoice v) {
        return of(v, null);
    }

    static InvoiceResponse of(Invoice v, List<HistoryEntry> history) {
        Invoice.Outcome o = v.outcome();
        return new InvoiceResponse(
                v.id(),
                v.helpNumber().shown().orElse(null),
                v.site(),
                v.creditor(),
                v.invoiceNumber().orElse(null),
                v.invoiceDate(),
                v.dueDate(),
                v.receivedOn(),
                v.amount().currency(),
                v.amount().minor(),
                v.credited(),
                v.paid(),
                v.outstanding().minor(),
                v.referralId().orElse(null),
                v.visitId().orElse(null),
                v.note().orElse(null),
                Fields.wireName(v.state()),
                v.stateSince(),
                InvoiceWorkflow.TRANSITIONS.allowed(v.state()).stream()
                        .map(Fields::wireName)
                        .toList(),
                o.channel().map(Fields::wireName).orElse(null),
                o.reference().orElse(null),
                o.requestedOn().orElse(null),
                o.rejectionReason().map(Fields::wireName).orElse(null),
                o.decidedOn().orElse(null),
                v.flags().stream().map(Fields::wireName).toList(),
                v.createdBy(),
                v.createdAt(),
                v.version(),
                history == null
                        ? null
                        : history.stream().map(HistoryResponse::of).toList());
    }
}
