package dk.fristed.records.referral;

/** What a referral asks for: an examination names its modality, a specialist referral its specialty. */
public enum ReferralKind {
    EXAMINATION,
    SPECIALIST,
    PSYCHIATRIC_OUTPATIENT,
    ACUTE_ADMISSION,
    OTHER
}
