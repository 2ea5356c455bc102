package dk.fristed.records.invoice;

/** Why the daily deadline run put an invoice on its site's list. */
public enum Flag {
    /** Open, and its due date has passed: debt collection is near. */
    OVERDUE,
    /** Open, and due within the configured days. */
    DUE_SOON,
    /** A credit request or appeal unanswered for longer than the configured days: chase the creditor. */
    UNANSWERED
}
