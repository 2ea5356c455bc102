package dk.fristed.referrals.referral;

public enum Urgency {
    ROUTINE, URGENT, ACUTE
}
