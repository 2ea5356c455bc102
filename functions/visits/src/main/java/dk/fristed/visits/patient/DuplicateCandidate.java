package dk.fristed.visits.patient;

import dk.fristed.records.patient.Patient;
import dk.fristed.records.patient.PatientDetails;
import dk.fristed.validation.Fields;

import java.time.LocalDate;
import java.util.List;

/**
 * A possible duplicate, as a list shows it: no name or phone, only how well the name matched. The
 * clinician opens the full record by help number to decide.
 */
public record DuplicateCandidate(
        String helpNumber,
        int birthYear,
        String sex,
        String nationality,
        List<String> languages,
        String nameMatch,
        LocalDate firstVisitDate) {

    static DuplicateCandidate of(Patient patient, NameSimilarity.Match match) {
        PatientDetails d = patient.details();
        return new DuplicateCandidate(
                patient.helpNumber().formatted(),
                d.birthYear(),
                Fields.wireName(d.sex()),
                d.nationality(),
                d.languages(),
                Fields.wireName(match),
                patient.firstVisitDate().orElse(null));
    }
}
