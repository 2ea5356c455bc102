package dk.fristed.invoices.invoice;

import dk.fristed.records.invoice.InvoiceState;
import dk.fristed.validation.Fields;
import dk.fristed.workflow.TransitionTable;

import java.util.Set;

import static dk.fristed.invoices.invoice.Action.APPEAL;
import static dk.fristed.invoices.invoice.Action.CLOSE;
import static dk.fristed.invoices.invoice.Action.CREDIT_IN_FULL;
import static dk.fristed.invoices.invoice.Action.CREDIT_PARTLY;
import static dk.fristed.invoices.invoice.Action.PAY;
import static dk.fristed.invoices.invoice.Action.REJECT;
import static dk.fristed.invoices.invoice.Action.REQUEST_CREDIT;
import static dk.fristed.invoices.invoice.Action.WRITE_OFF;
import static dk.fristed.records.invoice.InvoiceState.APPEALED;
import static dk.fristed.records.invoice.InvoiceState.CLOSED;
import static dk.fristed.records.invoice.InvoiceState.CREDITED;
import static dk.fristed.records.invoice.InvoiceState.CREDIT_REQUESTED;
import static dk.fristed.records.invoice.InvoiceState.PAID;
import static dk.fristed.records.invoice.InvoiceState.PARTLY_CREDITED;
import static dk.fristed.records.invoice.InvoiceState.RECEIVED;
import static dk.fristed.records.invoice.InvoiceState.REJECTED;
import static dk.fristed.records.invoice.InvoiceState.REJECTED_AGAIN;
import static dk.fristed.records.invoice.InvoiceState.WRITTEN_OFF;

/** The one transition table of an invoice's life; docs/workflows.md shows it as a table. */
public final class InvoiceWorkflow {
    private static final TransitionTable<InvoiceState, Action> TABLE = new TransitionTable<>(InvoiceState.class, Action.class, "an invoice",
            Fields::wireName);

    static {
        TABLE.allow(RECEIVED, REQUEST_CREDIT, CREDIT_REQUESTED);
        TABLE.allow(CREDIT_REQUESTED, CREDIT_IN_FULL, CREDITED);
        TABLE.allow(CREDIT_REQUESTED, CREDIT_PARTLY, PARTLY_CREDITED);
        TABLE.allow(CREDIT_REQUESTED, REJECT, REJECTED);
        TABLE.allow(REJECTED, APPEAL, APPEALED);
        TABLE.allow(PARTLY_CREDITED, APPEAL, APPEALED);
        TABLE.allow(APPEALED, CREDIT_IN_FULL, CREDITED);
        TABLE.allow(APPEALED, CREDIT_PARTLY, PARTLY_CREDITED);
        TABLE.allow(APPEALED, REJECT, REJECTED_AGAIN);
        for (InvoiceState decided : new InvoiceState[] {CREDITED, PARTLY_CREDITED, REJECTED, REJECTED_AGAIN}) {
            TABLE.allow(decided, CLOSE, CLOSED);
        }
        for (InvoiceState state : InvoiceState.values()) {
            if (state.open()) {
                TABLE.allow(state, PAY, PAID);
                TABLE.allow(state, WRITE_OFF, WRITTEN_OFF);
            }
        }
    }

    private InvoiceWorkflow() {
    }

    /** The actions allowed in {@code state}, in the table's order. */
    public static Set<Action> allowed(InvoiceState state) {
        return TABLE.allowed(state);
    }

    /** The state {@code action} leads to from {@code state}; a 409 naming the current state and the allowed actions otherwise. */
    public static InvoiceState next(InvoiceState state, Action action) {
        return TABLE.next(state, action);
    }
}
