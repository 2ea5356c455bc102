package dk.fristed.invoices.invoice;

/** What moves an invoice from one state to the next ({@code POST /invoices/{id}/transitions}). */
public enum Action {
    REQUEST_CREDIT,
    CREDIT_IN_FULL,
    CREDIT_PARTLY,
    REJECT,
    APPEAL,
    CLOSE,
    PAY,
    WRITE_OFF
}
