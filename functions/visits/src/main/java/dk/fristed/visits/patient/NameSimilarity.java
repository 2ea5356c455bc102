package dk.fristed.visits.patient;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether two names or aliases may belong to the same person despite spelling: "Ana-Maria Popescu"
 * and "ana maria popesku" are similar. Names are compared without case and accents, word by word,
 * allowing about one typo in five letters.
 */
final class NameSimilarity {
    enum Match {
        EXACT,
        SIMILAR,
        DIFFERENT,
        UNKNOWN
    }

    private static final double SIMILAR_WORDS = 0.8;

    private NameSimilarity() {}

    static Match compare(Optional<String> a, Optional<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Match.UNKNOWN;
        }
        String[] left = words(a.get());
        String[] right = words(b.get());
        if (left.length == 0 || right.length == 0) {
            return Match.UNKNOWN;
        }
        if (String.join(" ", left).equals(String.join(" ", right))) {
            return Match.EXACT;
        }
        for (String x : left) {
            for (String y : right) {
                if (x.length() >= 2 && y.length() >= 2 && similarity(x, y) >= SIMILAR_WORDS) {
                    return Match.SIMILAR;
                }
            }
        }
        return Match.DIFFERENT;
    }

    static String[] words(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
        return Arrays.stream(plain.split("[^\\p{L}\\p{N}]+"))
                .filter(w -> !w.isEmpty())
                .sorted()
                .toArray(String[]::new);
    }

    /** 1 minus the Levenshtein distance relative to the longer word. */
    static double similarity(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return 1.0 - (double) previous[b.length()] / Math.max(a.length(), b.length());
    }
}
