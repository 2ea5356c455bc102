package dk.fristed.records.referral;

/** The examination an examination referral asks for. */
public enum Modality {
    X_RAY,
    CT,
    MRI,
    ULTRASOUND,
    GASTROSCOPY,
    COLONOSCOPY,
    OTHER
}
