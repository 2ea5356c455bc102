package dk.fristed.ids;

import java.security.SecureRandom;
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

    private RecordIds() {
    }

    public static String random() {
        StringBuilder id = new StringBuilder(10);
        for (int i = 0; i < 10; i++) {
            id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }
}
