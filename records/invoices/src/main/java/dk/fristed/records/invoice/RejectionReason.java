package dk.fristed.records.invoice;

/** Why a creditor refused to credit: the clinic's appeals and reports need them counted, not typed. */
public enum RejectionReason {
    NO_HEALTH_RIGHTS,
    CARE_NOT_ACUTE,
    DOCUMENTATION_MISSING,
    DEADLINE_PASSED,
    OTHER
}
