package dk.fristed.records.ledger;

/** What a ledger entry records. Nothing is ever edited or deleted: a reversal undoes an entry, beside it. */
public enum EntryKind {
    /** Money promised, in instalments: one part per budget year its instalments fall in. */
    PLEDGE,
    /** Money received, in the budget currency as the bank booked it (and the original beside it). */
    PAYMENT,
    /** Money spent, by category, optionally from a restricted purpose. */
    EXPENSE,
    /** Undoes one earlier entry of the same year, once, with a note saying why. */
    REVERSAL
}
