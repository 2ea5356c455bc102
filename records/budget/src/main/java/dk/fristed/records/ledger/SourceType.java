package dk.fristed.records.ledger;

/** Who gives: the clinics report their funding by these. */
public enum SourceType {
    RED_CROSS_BRANCH,
    FOUNDATION,
    PRIVATE_DONOR,
    COMPANY,
    MUNICIPALITY,
    STATE_OR_REGIONAL_GRANT,
    OTHER
}
