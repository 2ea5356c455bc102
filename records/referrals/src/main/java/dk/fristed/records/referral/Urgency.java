package dk.fristed.records.referral;

public enum Urgency {
    ROUTINE,
    URGENT,
    ACUTE
}
