package dk.fristed.visits.patient;

import dk.fristed.helpnumber.HelpNumber;
import dk.fristed.records.patient.Patient;
import dk.fristed.records.patient.PatientDetails;
import dk.fristed.validation.Fields;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A patient as {@code GET /patients/{helpNumber}} answers: the only response that carries name and phone. */
public record PatientResponse(
        String helpNumber,
        int birthYear,
        String sex,
        String nationality,
        List<String> languages,
        boolean interpreterNeeded,
        String name,
        String phone,
        LocalDate firstVisitDate,
        Instant registeredAt,
        List<String> mergedFrom,
        long version) {

    /** {@code mergedFrom}: the help numbers of the duplicates merged into this record, absent if none. */
    public static PatientResponse of(Patient patient) {
        PatientDetails d = patient.details();
        List<String> mergedFrom =
                patient.merges().from().stream().map(HelpNumber::formatted).toList();
        return new PatientResponse(
                patient.helpNumber().formatted(),
                d.birthYear(),
                Fields.wireName(d.sex()),
                d.nationality(),
                d.languages(),
                d.interpreterNeeded(),
                d.name().orElse(null),
                d.phone().orElse(null),
                patient.firstVisitDate().orElse(null),
                patient.registeredAt(),
                mergedFrom.isEmpty() ? null : mergedFrom,
                patient.version());
    }
}
