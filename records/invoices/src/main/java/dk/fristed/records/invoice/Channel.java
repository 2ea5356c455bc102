package dk.fristed.records.invoice;

/** How the clinic asked the creditor to credit an invoice, or appealed. */
public enum Channel {
    LETTER,
    EMAIL,
    PORTAL,
    PHONE
}
