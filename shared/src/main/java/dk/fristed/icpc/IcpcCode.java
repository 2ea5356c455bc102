package dk.fristed.icpc;

import dk.fristed.problem.ApiProblem;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An ICPC-2 code: a chapter letter and two digits ({@code L03}, {@code T90}). Digits 01–29 are
 * symptoms and complaints, 30–69 process codes, 70–99 diagnoses and diseases. What a client sends must be
 * one ICPC-2 has ({@link IcpcCodes}); a stored code is read back as it was written.
 */
public record IcpcCode(String value) {
    private static final Pattern FORMAT = Pattern.compile("[A-Z][0-9]{2}");

    public IcpcCode {
        if (!FORMAT.matcher(value).matches() || IcpcChapter.of(value.charAt(0)).isEmpty() || value.endsWith("00")) {
            throw new IllegalArgumentException("not an ICPC-2 code");
        }
    }

    public static IcpcCode parse(String typed, String field) {
        if (typed == null || typed.isBlank()) {
            throw ApiProblem.badRequest(field, "is required");
        }
        String code = typed.trim().toUpperCase(Locale.ROOT);
        if (!FORMAT.matcher(code).matches()) {
            throw ApiProblem.badRequest(field, "must be an ICPC-2 code: a chapter letter and two digits, e.g. L03");
        }
        if (IcpcChapter.of(code.charAt(0)).isEmpty()) {
            throw ApiProblem.badRequest(
                    field,
                    "does not start with an ICPC-2 chapter letter;"
                            + " chapters are A B D F H K L N P R S T U W X Y Z");
        }
        if (code.endsWith("00")) {
            throw ApiProblem.badRequest(field, "must have a component number from 01 to 99");
        }
        if (!IcpcCodes.exists(code)) {
            throw ApiProblem.badRequest(field, "is not a code ICPC-2 has; GET /reference lists them");
        }
        return new IcpcCode(code);
    }

    public IcpcChapter chapter() {
        return IcpcChapter.of(value.charAt(0)).orElseThrow();
    }

    public Component component() {
        int number = Integer.parseInt(value.substring(1));
        return number <= 29 ? Component.SYMPTOM : number <= 69 ? Component.PROCESS : Component.DIAGNOSIS;
    }

    public enum Component {
        SYMPTOM,
        PROCESS,
        DIAGNOSIS
    }
}
