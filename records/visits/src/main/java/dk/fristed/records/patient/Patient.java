package dk.fristed.records.patient;

import dk.fristed.helpnumber.HelpNumber;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A registered patient. {@code firstVisitKey} names the patient's earliest visit, so a new visit
 * knows whether it is the first without reading the patient's whole history.
 */
public record Patient(
        HelpNumber helpNumber,
        PatientDetails details,
        Instant registeredAt,
        long version,
        Optional<String> firstVisitKey,
        Optional<Instant> erasedAt,
        MergeLinks merges) {

    /** A new or untouched record: in no merge. */
    public Patient(
            HelpNumber helpNumber,
            PatientDetails details,
            Instant registeredAt,
            long version,
            Optional<String> firstVisitKey,
            Optional<Instant> erasedAt) {
        this(helpNumber, details, registeredAt, version, firstVisitKey, erasedAt, MergeLinks.NONE);
    }

    /** The survivor this record was merged into, if it was. */
    public Optional<HelpNumber> mergedInto() {
        return merges.into();
    }

    public boolean erased() {
        return erasedAt.isPresent();
    }

    public Optional<LocalDate> firstVisitDate() {
        return firstVisitKey.map(key -> LocalDate.parse(key.substring(0, 10)));
    }
}
