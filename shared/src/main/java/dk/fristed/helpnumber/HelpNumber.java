package dk.fristed.helpnumber;

import dk.fristed.problem.ApiProblem;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * A patient's help number: the identifier the clinics use instead of a national ID number.
 *
 * <p>Eight characters, said and written as two groups ({@code K7MQ-X9PK}): seven random characters
 * and one check character. Random, so it reveals nothing about the person or the order of
 * registration. The alphabet has 29 characters, leaving out those that are mistaken for others
 * (0 and O, 1 and I, 2 and Z, 5 and S, 8 and B): {@code 23456789ACDEFGHJKLMNPQRTUVWXY}.
 *
 * <p>Check character: with character values v1..v8 (position in the alphabet) and weights 1..8 from
 * the left, the check character is chosen so that {@code sum(i * v_i) ≡ 0 (mod 29)}. Because 29 is
 * prime and the weights are distinct and non-zero modulo 29, this catches every single wrong
 * character ({@code w(a-b) ≠ 0}), every swap of two characters, neighbouring or not
 * ({@code (w_i - w_j)(a-b) ≠ 0}), and every "twin" error aa→bb in neighbouring places
 * ({@code (w_i + w_i+1)(a-b) ≠ 0}, since neighbouring weights add up to 3..15). OpenMRS's Luhn
 * mod-30 misses some of these (see ../shared/domain.md); {@code HelpNumberTest} checks all of them
 * exhaustively.
 */
public record HelpNumber(String value) {
    public static final String ALPHABET = "23456789ACDEFGHJKLMNPQRTUVWXY";
    public static final int LENGTH = 8;
    private static final int MODULUS = ALPHABET.length(); // 29, a prime
    private static final int INVERSE_OF_LAST_WEIGHT = 11; // 8 * 11 = 88 ≡ 1 (mod 29)
    private static final RandomGenerator RANDOM = new SecureRandom();

    public HelpNumber {
        if (value.length() != LENGTH || checkSum(value) != 0) {
            throw new IllegalArgumentException("not a valid help number");
        }
    }

    /**
     * Stands for "no patient" in a referral or invoice kept after its patient was erased: a valid number
     * that {@link #random} never issues and that is never stored (the record's help number is left out).
     */
    public static final HelpNumber UNLINKED = withCheckCharacter("2222222");

    /** A new random help number, never {@link #UNLINKED}; uniqueness is the conditional write's job, not this method's. */
    public static HelpNumber random() {
        return random(RANDOM);
    }

    static HelpNumber random(RandomGenerator random) {
        HelpNumber drawn;
        do {
            StringBuilder payload = new StringBuilder(LENGTH);
            for (int i = 0; i < LENGTH - 1; i++) {
                payload.append(ALPHABET.charAt(random.nextInt(MODULUS)));
            }
            drawn = withCheckCharacter(payload);
        } while (drawn.equals(UNLINKED));
        return drawn;
    }

    /** As a record stores it: null for {@link #UNLINKED}, which is left out (and so out of any index by patient). */
    public String stored() {
        return equals(UNLINKED) ? null : value;
    }

    /** As a record read back holds it: {@link #UNLINKED} where none was stored. */
    public static HelpNumber fromStored(String value) {
        return value == null ? UNLINKED : new HelpNumber(value);
    }

    /** As a response shows it: formatted, or empty for {@link #UNLINKED}. */
    public Optional<String> shown() {
        return equals(UNLINKED) ? Optional.empty() : Optional.of(formatted());
    }

    private static HelpNumber withCheckCharacter(CharSequence payload) {
        return new HelpNumber(payload.toString() + checkCharacter(payload));
    }

    /**
     * Reads a help number as a person typed it: case, spaces and hyphens do not matter. Answers a 400
     * naming {@code field} when it is malformed or its check character does not match, before any
     * database is asked.
     */
    public static HelpNumber parse(String typed, String field) {
        if (typed == null) {
            throw ApiProblem.badRequest(field, "is required");
        }
        String compact = typed.replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT);
        if (compact.length() != LENGTH) {
            throw ApiProblem.badRequest(field, "must have " + LENGTH + " characters, e.g. K7MQ-X9PK");
        }
        for (int i = 0; i < compact.length(); i++) {
            if (ALPHABET.indexOf(compact.charAt(i)) < 0) {
                throw ApiProblem.badRequest(
                        field, "may only use the characters " + ALPHABET + " (never 0, 1, B, I, O, S or Z)");
            }
        }
        if (checkSum(compact) != 0) {
            throw ApiProblem.badRequest(field, "check character does not match: the help number was mistyped");
        }
        return new HelpNumber(compact);
    }

    public static boolean isValid(String compact) {
        if (compact == null || compact.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < compact.length(); i++) {
            if (ALPHABET.indexOf(compact.charAt(i)) < 0) {
                return false;
            }
        }
        return checkSum(compact) == 0;
    }

    static char checkCharacter(CharSequence payload) {
        int sum = 0;
        for (int i = 0; i < LENGTH - 1; i++) {
            sum += (i + 1) * ALPHABET.indexOf(payload.charAt(i));
        }
        int check = Math.floorMod(-sum * INVERSE_OF_LAST_WEIGHT, MODULUS);
        return ALPHABET.charAt(check);
    }

    private static int checkSum(String compact) {
        int sum = 0;
        for (int i = 0; i < compact.length(); i++) {
            int v = ALPHABET.indexOf(compact.charAt(i));
            if (v < 0) {
                return -1;
            }
            sum += (i + 1) * v;
        }
        return sum % MODULUS;
    }

    /** The spoken and printed form, {@code XXXX-XXXX}. */
    public String formatted() {
        return value.substring(0, 4) + "-" + value.substring(4);
    }

    @Override
    public String toString() {
        return formatted();
    }
}
