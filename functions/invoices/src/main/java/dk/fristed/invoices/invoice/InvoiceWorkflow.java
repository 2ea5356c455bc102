package dk.fristed.invoices.invoice;

import dk.fristed.http.ApiProblem;
import dk.fristed.validation.Fields;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static dk.fristed.invoices.invoice.Action.APPEAL;
import static dk.fristed.invoices.invoice.Action.CLOSE;
import static dk.fristed.invoices.invoice.Action.CREDIT_IN_FULL;
import static dk.fristed.invoices.invoice.Action.CREDIT_PARTLY;
import static dk.fristed.invoices.invoice.Action.PAY;
import static dk.fristed.invoices.invoice.Action.REJECT;
import static dk.fristed.invoices.invoice.Action.REQUEST_CREDIT;
import static dk.fristed.invoices.invoice.Action.WRITE_OFF;
import static dk.fristed.invoices.invoice.InvoiceState.APPEALED;
import static dk.fristed.invoices.invoice.InvoiceState.CLOSED;
import static dk.fristed.invoices.invoice.InvoiceState.CREDITED;
import static dk.fristed.invoices.invoice.InvoiceState.CREDIT_REQUESTED;
import static dk.fristed.invoices.invoice.InvoiceState.PAID;
import static dk.fristed.invoices.invoice.InvoiceState.PARTLY_CREDITED;
import static dk.fristed.invoices.invoice.InvoiceState.RECEIVED;
import static dk.fristed.invoices.invoice.InvoiceState.REJECTED;
import static dk.fristed.invoices.invoice.InvoiceState.REJECTED_AGAIN;
import static dk.fristed.invoices.invoice.InvoiceState.WRITTEN_OFF;

/** The one transition table of an invoice's life; README shows it as a table. */
public final class InvoiceWorkflow {
    private static final Map<InvoiceState, Map<Action, InvoiceState>> TABLE = new EnumMap<>(InvoiceState.class);

    static {
        allow(RECEIVED, REQUEST_CREDIT, CREDIT_REQUESTED);
        allow(CREDIT_REQUESTED, CREDIT_IN_FULL, CREDITED);
        allow(CREDIT_REQUESTED, CREDIT_PARTLY, PARTLY_CREDITED);
        allow(CREDIT_REQUESTED, REJECT, REJECTED);
        allow(REJECTED, APPEAL, APPEALED);
        allow(PARTLY_CREDITED, APPEAL, APPEALED);
        allow(APPEALED, CREDIT_IN_FULL, CREDITED);
        allow(APPEALED, CREDIT_PARTLY, PARTLY_CREDITED);
        allow(APPEALED, REJECT, REJECTED_AGAIN);
        for (InvoiceState decided : new InvoiceState[] {CREDITED, PARTLY_CREDITED, REJECTED, REJECTED_AGAIN}) {
            allow(decided, CLOSE, CLOSED);
        }
        for (InvoiceState state : InvoiceState.values()) {
            if (state.open()) {
                allow(state, PAY, PAID);
                allow(state, WRITE_OFF, WRITTEN_OFF);
            }
        }
    }

    private InvoiceWorkflow() {
    }

    private static void allow(InvoiceState from, Action action, InvoiceState to) {
        TABLE.computeIfAbsent(from, s -> new EnumMap<>(Action.class)).put(action, to);
    }

    /** The actions allowed in {@code state}, in the table's order. */
    public static Set<Action> allowed(InvoiceState state) {
        return Collections.unmodifiableSet(TABLE.getOrDefault(state, Map.of()).keySet());
    }

    /** The state {@code action} leads to from {@code state}; a 409 naming the current state and the allowed actions otherwise. */
    public static InvoiceState next(InvoiceState state, Action action) {
        InvoiceState to = TABLE.getOrDefault(state, Map.of()).get(action);
        if (to == null) {
            Set<Action> allowed = allowed(state);
            throw ApiProblem.conflict("an invoice that is " + Fields.wireName(state) + " cannot take " + Fields.wireName(action)
                    + "; allowed: " + (allowed.isEmpty() ? "none (it is final)"
                    : allowed.stream().map(Fields::wireName).collect(Collectors.joining(", "))));
        }
        return to;
    }
}
