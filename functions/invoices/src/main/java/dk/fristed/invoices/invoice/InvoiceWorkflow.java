package dk.fristed.invoices.invoice;

import dk.fristed.records.invoice.InvoiceState;
import dk.fristed.validation.Fields;
import dk.fristed.workflow.TransitionTable;

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
    /** Every state, the actions it allows and where each leads; answers next() and allowed(). */
    public static final TransitionTable<InvoiceState, Action> TRANSITIONS =
            new TransitionTable<>(InvoiceState.class, Action.class, "an invoice", Fields::wireName);

    static {
        TRANSITIONS.allow(RECEIVED, REQUEST_CREDIT, CREDIT_REQUESTED);
        TRANSITIONS.allow(CREDIT_REQUESTED, CREDIT_IN_FULL, CREDITED);
        TRANSITIONS.allow(CREDIT_REQUESTED, CREDIT_PARTLY, PARTLY_CREDITED);
        TRANSITIONS.allow(CREDIT_REQUESTED, REJECT, REJECTED);
        TRANSITIONS.allow(REJECTED, APPEAL, APPEALED);
        TRANSITIONS.allow(PARTLY_CREDITED, APPEAL, APPEALED);
        TRANSITIONS.allow(APPEALED, CREDIT_IN_FULL, CREDITED);
        TRANSITIONS.allow(APPEALED, CREDIT_PARTLY, PARTLY_CREDITED);
        TRANSITIONS.allow(APPEALED, REJECT, REJECTED_AGAIN);
        for (InvoiceState decided : new InvoiceState[] {CREDITED, PARTLY_CREDITED, REJECTED, REJECTED_AGAIN}) {
            TRANSITIONS.allow(decided, CLOSE, CLOSED);
        }
        for (InvoiceState state : InvoiceState.values()) {
            if (state.open()) {
                TRANSITIONS.allow(state, PAY, PAID);
                TRANSITIONS.allow(state, WRITE_OFF, WRITTEN_OFF);
            }
        }
    }

    private InvoiceWorkflow() {}
}
