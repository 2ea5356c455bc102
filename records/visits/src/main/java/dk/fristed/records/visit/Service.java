package dk.fristed.records.visit;

/** Who the patient saw; the reports count consultations by service. */
public enum Service {
    DOCTOR,
    NURSE,
    MIDWIFE,
    DENTIST,
    PHYSIOTHERAPIST,
    PSYCHOLOGIST,
    SOCIAL_WORKER,
    LAB
}
