package dk.fristed.records.patient;

import dk.fristed.validation.Fields;

import java.util.List;
import java.util.Optional;

/**
 * What the clinic keeps about a patient, and no more: no national ID number, no address, no date of
 * birth (the year is enough for the age bands). Name or alias and phone are optional personal data.
 */
public record PatientDetails(
        int birthYear,
        Sex sex,
        String nationality,
        List<String> languages,
        boolean interpreterNeeded,
        Optional<String> name,
        Optional<String> phone) {

    /** The group a duplicate search looks in: same birth year, sex and nationality. */
    public String cohort() {
        return cohort(birthYear, sex, nationality);
    }

    public static String cohort(int birthYear, Sex sex, String nationality) {
        return birthYear + "#" + Fields.wireName(sex) + "#" + nationality;
    }
}
