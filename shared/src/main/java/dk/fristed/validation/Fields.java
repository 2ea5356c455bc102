package dk.fristed.validation;

import dk.fristed.problem.ApiProblem;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Field checks shared by every function. Each failure is a 400 that names the field and the rule;
 * none repeats the value, which may be personal data.
 */
public final class Fields {
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());
    /** ISO 3166 reserves XX for user assignment; here it means stateless or unknown nationality. */
    public static final String UNKNOWN_NATIONALITY = "XX";

    private Fields() {}

    public static <T> T required(T value, String field) {
        if (value == null) {
            throw ApiProblem.badRequest(field, "is required");
        }
        return value;
    }

    /** Free text a person typed: trimmed, bounded, without control characters. Empty means absent. */
    public static Optional<String> optionalText(String value, String field, int maxLength) {
        return text(value, field, maxLength, false);
    }

    /** Like {@link #optionalText}, for longer text (a clinical question, a note) that may run over several lines. */
    public static Optional<String> optionalNote(String value, String field, int maxLength) {
        return text(value, field, maxLength, true);
    }

    private static Optional<String> text(String value, String field, int maxLength, boolean lines) {
        if (value == null) {
            return Optional.empty();
        }
        String trimmed = value.strip();
        if (trimmed.isEmpty()) {
            return Optional.empty();
        }
        if (trimmed.length() > maxLength) {
            throw ApiProblem.badRequest(field, "may have at most " + maxLength + " characters");
        }
        if (trimmed.codePoints()
                .anyMatch(c -> (Character.isISOControl(c) && !(lines && c == '\n'))
                        || Character.getType(c) == Character.FORMAT)) {
            throw ApiProblem.badRequest(field, "may not contain control characters");
        }
        // half of a surrogate pair is valid JSON but not text: it has no UTF-8 form to encrypt or show
        if (trimmed.codePoints().anyMatch(c -> Character.getType(c) == Character.SURROGATE)) {
            throw ApiProblem.badRequest(field, "contains a broken character (half of a surrogate pair)");
        }
        return Optional.of(trimmed);
    }

    /** An ISO 3166-1 alpha-2 country code, or XX for stateless or unknown. */
    public static String country(String value, String field) {
        String code = required(value, field).strip().toUpperCase(Locale.ROOT);
        if (!code.equals(UNKNOWN_NATIONALITY) && !COUNTRIES.contains(code)) {
            throw ApiProblem.badRequest(
                    field, "must be an ISO 3166-1 alpha-2 country code such as RO, or XX if unknown");
        }
        return code;
    }

    /** An ISO 639-1 language code, lower case. */
    public static String language(String value, String field) {
        String code = required(value, field).strip().toLowerCase(Locale.ROOT);
        if (!LANGUAGES.contains(code)) {
            throw ApiProblem.badRequest(field, "must be an ISO 639-1 language code such as ar, ro or ti");
        }
        return code;
    }

    public static List<String> languages(List<String> values, String field, int max) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > max) {
            throw ApiProblem.badRequest(field, "may list at most " + max + " languages");
        }
        var codes = new java.util.ArrayList<String>();
        for (int i = 0; i < values.size(); i++) {
            String code = language(values.get(i), field + "[" + i + "]");
            if (!codes.contains(code)) {
                codes.add(code);
            }
        }
        return List.copyOf(codes);
    }

    /** A value of a closed set, written in lower case on the wire ({@code social_worker}). */
    public static <E extends Enum<E>> E oneOf(Class<E> type, String value, String field) {
        String given = required(value, field).strip().toUpperCase(Locale.ROOT);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(given)) {
                return constant;
            }
        }
        throw ApiProblem.badRequest(
                field,
                "must be one of "
                        + String.join(
                                ", ",
                                java.util.Arrays.stream(type.getEnumConstants())
                                        .map(Fields::wireName)
                                        .toList()));
    }

    public static String wireName(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
