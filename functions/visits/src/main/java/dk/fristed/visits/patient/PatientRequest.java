package dk.fristed.visits.patient;

import dk.fristed.problem.ApiProblem;
import dk.fristed.records.patient.PatientDetails;
import dk.fristed.records.patient.Sex;
import dk.fristed.validation.Fields;

import java.time.Year;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The body of {@code POST /patients} and {@code PUT /patients/{helpNumber}} as the client sends it. */
public record PatientRequest(
        Integer birthYear,
        String sex,
        String nationality,
        List<String> languages,
        Boolean interpreterNeeded,
        String name,
        String phone) {

    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()-]{4,22}");
    static final int MAX_LANGUAGES = 5;
    static final int MAX_NAME = 100;

    /** What the clinic keeps of it, each field checked; a problem names the first field that is wrong. */
    public PatientDetails details(Year currentYear) {
        int year = Fields.required(birthYear, "birthYear");
        if (year < 1900 || year > currentYear.getValue()) {
            throw ApiProblem.badRequest("birthYear", "must be a year from 1900 to " + currentYear.getValue());
        }
        Optional<String> validPhone = Fields.optionalText(phone, "phone", 24);
        if (validPhone.isPresent() && !PHONE.matcher(validPhone.get()).matches()) {
            throw ApiProblem.badRequest(
                    "phone", "must be a phone number: digits, spaces, ( ) - and an optional leading +");
        }
        return new PatientDetails(
                year,
                Fields.oneOf(Sex.class, sex, "sex"),
                Fields.country(nationality, "nationality"),
                Fields.languages(languages, "languages", MAX_LANGUAGES),
                Fields.required(interpreterNeeded, "interpreterNeeded"),
                Fields.optionalText(name, "name", MAX_NAME),
                validPhone);
    }
}
