package dk.fristed.invoices.invoice;

import dk.fristed.money.Money;
import dk.fristed.problem.ApiProblem;
import dk.fristed.records.invoice.Channel;
import dk.fristed.records.invoice.Invoice;
import dk.fristed.records.invoice.InvoiceState;
import dk.fristed.records.invoice.RejectionReason;
import dk.fristed.validation.Fields;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * A validated {@link TransitionRequest} for one invoice: each action takes exactly the fields it
 * records, and an amount is checked against what is still outstanding, in the invoice's currency.
 */
public record Transition(
        Action action,
        LocalDate date,
        Optional<Channel> channel,
        Optional<String> reference,
        Optional<RejectionReason> reason,
        long credits,
        long pays,
        Optional<String> note) {

    static final int MAX_REFERENCE = 100;
    static final int MAX_NOTE = 2000;

    static Transition from(TransitionRequest request, Invoice invoice, LocalDate today) {
        Action action = Fields.oneOf(Action.class, request.action(), "action");
        InvoiceWorkflow.TRANSITIONS.next(
                invoice.state(), action); // an action the state does not take is a 409 before any amount is weighed
        LocalDate date = request.date() == null ? today : request.date();
        if (date.isBefore(invoice.receivedOn()) || date.isAfter(today)) {
            throw ApiProblem.badRequest("date", "must be from the day the invoice was received to today");
        }
        boolean asks = action == Action.REQUEST_CREDIT || action == Action.APPEAL;
        Optional<Channel> channel = asks
                ? Optional.of(Fields.oneOf(Channel.class, request.channel(), "channel"))
                : refused(action, request.channel(), "channel", "request_credit and appeal");
        Optional<String> reference = asks
                ? Fields.optionalText(request.reference(), "reference", MAX_REFERENCE)
                : refused(action, request.reference(), "reference", "request_credit and appeal");
        Optional<RejectionReason> reason = action == Action.REJECT
                ? Optional.of(Fields.oneOf(RejectionReason.class, request.reason(), "reason"))
                : refused(action, request.reason(), "reason", "reject");
        long amount = amount(action, request, invoice.outstanding());
        Optional<String> note = Fields.optionalNote(request.note(), "note", MAX_NOTE);
        if (action == Action.WRITE_OFF && note.isEmpty()) {
            throw ApiProblem.badRequest("note", "is required to write off: say why");
        }
        boolean pays = action == Action.PAY;
        return new Transition(action, date, channel, reference, reason, pays ? 0 : amount, pays ? amount : 0, note);
    }

    /** The minor units this action credits or pays: checked against the outstanding amount and currency. */
    private static long amount(Action action, TransitionRequest request, Money outstanding) {
        boolean takesAmount = action == Action.CREDIT_PARTLY || action == Action.PAY;
        boolean checksAmount = action == Action.CREDIT_IN_FULL;
        if (!takesAmount && !checksAmount) {
            refused(action, request.amount(), "amount", "credit_partly, credit_in_full and pay");
            refused(action, request.currency(), "currency", "credit_partly, credit_in_full and pay");
            return 0;
        }
        if (checksAmount && request.amount() == null) {
            refused(action, request.currency(), "currency", "an amount");
            return outstanding.minor(); // credited in full: whatever is outstanding
        }
        long minor = Money.positive(request.amount(), "amount");
        if (!Money.currency(request.currency(), "currency").equals(outstanding.currency())) {
            throw ApiProblem.unprocessable("currency", "must be the invoice's currency; amounts are never converted");
        }
        if (minor > outstanding.minor()) {
            throw ApiProblem.unprocessable("amount", "exceeds what is still outstanding on the invoice");
        }
        if (action == Action.CREDIT_PARTLY && minor == outstanding.minor()) {
            throw ApiProblem.unprocessable("amount", "is all that is outstanding: that is credit_in_full");
        }
        if (checksAmount && minor != outstanding.minor()) {
            throw ApiProblem.unprocessable(
                    "amount", "must be all that is outstanding, or be left out; a smaller credit is credit_partly");
        }
        return minor;
    }

    /** Empty; a 400 naming the field if a value was sent for an action that does not take it. */
    private static <T> Optional<T> refused(Action action, Object value, String field, String owners) {
        if (value != null) {
            throw ApiProblem.badRequest(field, "is only for " + owners + ", not " + Fields.wireName(action));
        }
        return Optional.empty();
    }

    /** The invoice after this transition, with the flags the deadline policy gives it today. */
    Invoice applyTo(Invoice invoice, DeadlinePolicy deadlines, LocalDate today) {
        InvoiceState next = InvoiceWorkflow.TRANSITIONS.next(invoice.state(), action);
        Invoice.Outcome before = invoice.outcome();
        boolean decides = action == Action.CREDIT_IN_FULL || action == Action.CREDIT_PARTLY || action == Action.REJECT;
        boolean asks = channel.isPresent();
        Invoice.Outcome recorded = new Invoice.Outcome(
                asks ? channel : before.channel(),
                asks ? reference : before.reference(),
                asks ? Optional.of(date) : before.requestedOn(),
                reason.or(before::rejectionReason),
                decides ? before.decidedOn().or(() -> Optional.of(date)) : before.decidedOn());
        Invoice moved = invoice.moved(
                next,
                date,
                recorded,
                Math.addExact(invoice.credited(), credits),
                Math.addExact(invoice.paid(), pays),
                Set.of());
        return moved.withFlags(deadlines.flags(moved, today));
    }
}
