package dk.fristed.ids;

import dk.fristed.problem.ApiProblem;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * Ids of visits, referrals and the records to come: ten random characters without 0, 1, l and o, so
 * that one read aloud or copied by hand is not misread. 32^10 ids: a collision is left to a key condition.
 */
public final class RecordIds {
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
    public static final Pattern FORMAT = Pattern.compile("[a-km-np-z2-9]{10}");
    /** SecureRandom reseeds from the OS after a SnapStart restore, so restored copies draw different ids. */
    private static final RandomGenerator RANDOM = new SecureRandom();

    private RecordIds() {}

    /** An id a client sends back (in a path or a body); 400 naming the field if it is not one the API gives out. */
    public static String parse(String value, String field) {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw ApiProblem.badRequest(field, "must be an id as the API returned it");
        }
        return value;
    }

    /** {@link #parse} for a field that may be left out. */
    public static Optional<String> optional(String value, String field) {
        return value == null ? Optional.empty() : Optional.of(parse(value, field));
    }

    public static String random() {
        StringBuilder id = new StringBuilder(10);
        for (int i = 0; i < 10; i++) {
            id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }
}
