package dk.fristed.records.invoice;

/**
 * Where an invoice stands. Open invoices still have money that someone may have to pay, so their due
 * date is watched; two of them wait for the creditor's answer, which the daily deadline run watches too.
 * docs/workflows.md has the transition table.
 */
public enum InvoiceState {
    RECEIVED(true, false),
    CREDIT_REQUESTED(true, true),
    CREDITED(false, false),
    PARTLY_CREDITED(true, false),
    REJECTED(true, false),
    APPEALED(true, true),
    REJECTED_AGAIN(true, false),
    CLOSED(false, false),
    PAID(false, false),
    WRITTEN_OFF(false, false);

    private final boolean open;
    private final boolean awaitingAnswer;

    InvoiceState(boolean open, boolean awaitingAnswer) {
        this.open = open;
        this.awaitingAnswer = awaitingAnswer;
    }

    /** Money may still be owed on it: its due date matters, and the clinic's fund may pay it or write it off. */
    public boolean open() {
        return open;
    }

    /** A credit request or an appeal is with the creditor. */
    public boolean awaitingAnswer() {
        return awaitingAnswer;
    }
}
