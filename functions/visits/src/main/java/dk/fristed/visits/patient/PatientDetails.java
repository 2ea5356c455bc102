package dk.fristed.visits.patient;

import dk.fristed.problem.ApiProblem;
import dk.fristed.validation.Fields;

import java.time.Year;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

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

    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()-]{4,22}");
    static final int MAX_LANGUAGES = 5;
    static final int MAX_NAME = 100;

    public static PatientDetails from(PatientRequest request, Year currentYear) {
        int birthYear = Fields.required(request.birthYear(), "birthYear");
        if (birthYear < 1900 || birthYear > currentYear.getValue()) {
            throw ApiProblem.badRequest("birthYear", "must be a year from 1900 to " + currentYear.getValue());
        }
        Optional<String> phone = Fields.optionalText(request.phone(), "phone", 24);
        if (phone.isPresent() && !PHONE.matcher(phone.get()).matches()) {
            throw ApiProblem.badRequest("phone", "must be a phone number: digits, spaces, ( ) - and an optional leading +");
        }
        return new PatientDetails(
                birthYear,
                Fields.oneOf(Sex.class, request.sex(), "sex"),
                Fields.country(request.nationality(), "nationality"),
                Fields.languages(request.languages(), "languages", MAX_LANGUAGES),
                Fields.required(request.interpreterNeeded(), "interpreterNeeded"),
                Fields.optionalText(request.name(), "name", MAX_NAME),
                phone);
    }

    /** The group a duplicate search looks in: same birth year, sex and nationality. */
    public String cohort() {
        return cohort(birthYear, sex, nationality);
    }

    public static String cohort(int birthYear, Sex sex, String nationality) {
        return birthYear + "#" + Fields.wireName(sex) + "#" + nationality;
    }
}
