package dk.fristed.records.patient;

/** As the yearly reports count it; {@code unknown} when the patient does not say. */
public enum Sex {
    FEMALE,
    MALE,
    OTHER,
    UNKNOWN
}
