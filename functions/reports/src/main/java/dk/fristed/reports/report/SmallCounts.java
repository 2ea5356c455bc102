package dk.fristed.reports.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hides small counts in a one-way breakdown (patients by sex, by age group, by nationality; diagnoses
 * by chapter) whose total is published beside it. A count from 1 to below the threshold is shown as
 * {@code "<10"} (primary suppression). Then, as long as any hidden count could still be worked out from
 * the shown counts and the total, the smallest shown count is hidden too, as {@code "x"} (secondary
 * suppression). If nothing is left to hide and a count is still exposed, the breakdown is withheld.
 *
 * <p>"Worked out" is judged as a reader who knows the rules would: a {@code "<10"} lies in 1..9; an
 * {@code "x"} was not small, so it is 0 (where zero rows are listed) or at least the threshold; the
 * hidden counts add up to the total minus the shown ones. A hidden count is exposed when exactly one
 * value of it fits all that.
 */
public final class SmallCounts {
    public static final String HIDDEN = "x";

    private SmallCounts() {
    }

    /** The breakdown as published; {@code cells} is empty when it is withheld. */
    public record Published(Map<String, Object> cells, boolean withheld) {
    }

    /**
     * @param counts      the exact breakdown, in the order it is shown
     * @param zerosListed whether a row with 0 is listed (fixed categories) or left out (nationalities)
     */
    public static Published protect(Map<String, Integer> counts, int threshold, boolean zerosListed) {
        String small = "<" + threshold;
        List<String> primary = new ArrayList<>();
        counts.forEach((key, count) -> {
            if (count >= 1 && count < threshold) {
                primary.add(key);
            }
        });
        List<String> secondary = new ArrayList<>();
        if (!primary.isEmpty()) {
            // the shown counts that may be hidden to protect the small ones: the smallest first, zeros last
            List<String> candidates = new ArrayList<>(counts.keySet().stream().filter(k -> counts.get(k) >= threshold)
                    .sorted(Comparator.comparing(counts::get)).toList());
            counts.forEach((key, count) -> {
                if (count == 0) {
                    candidates.add(key);
                }
            });
            while (anyExposed(counts, primary, secondary, threshold, zerosListed)) {
                if (candidates.isEmpty()) {
                    return new Published(Map.of(), true);
                }
                secondary.add(candidates.remove(0));
            }
        }
        Map<String, Object> cells = new LinkedHashMap<>();
        counts.forEach((key, count) -> cells.put(key, primary.contains(key) ? small : secondary.contains(key) ? HIDDEN : count));
        return new Published(cells, false);
    }

    /** Whether one of the hidden counts has exactly one value that fits what is shown. */
    static boolean anyExposed(Map<String, Integer> counts, List<String> primary, List<String> secondary, int threshold,
                              boolean zerosListed) {
        int hiddenSum = 0;
        for (String key : primary) {
            hiddenSum += counts.get(key);
        }
        for (String key : secondary) {
            hiddenSum += counts.get(key);
        }
        List<int[][]> domains = new ArrayList<>();
        for (String ignored : primary) {
            domains.add(new int[][]{{1, threshold - 1}});
        }
        for (String ignored : secondary) {
            domains.add(zerosListed ? new int[][]{{0, 0}, {threshold, hiddenSum}} : new int[][]{{threshold, hiddenSum}});
        }
        for (int i = 0; i < domains.size(); i++) {
            boolean[] others = new boolean[hiddenSum + 1];
            others[0] = true;
            for (int j = 0; j < domains.size(); j++) {
                if (j != i) {
                    others = plus(others, domains.get(j));
                }
            }
            int fitting = 0;
            for (int[] range : domains.get(i)) {
                for (int v = range[0]; v <= Math.min(range[1], hiddenSum); v++) {
                    fitting += others[hiddenSum - v] ? 1 : 0;
                }
            }
            if (fitting <= 1) {
                return true;
            }
        }
        return false;
    }

    /** The sums reachable by adding one value of {@code domain} to a sum reachable in {@code sums}. */
    private static boolean[] plus(boolean[] sums, int[][] domain) {
        int[] prefix = new int[sums.length + 1];
        for (int s = 0; s < sums.length; s++) {
            prefix[s + 1] = prefix[s] + (sums[s] ? 1 : 0);
        }
        boolean[] next = new boolean[sums.length];
        for (int s = 0; s < sums.length; s++) {
            for (int[] range : domain) {
                // some earlier sum in s-b .. s-a is reachable
                int lo = Math.max(0, s - range[1]);
                int hi = s - range[0];
                if (hi >= lo && prefix[hi + 1] - prefix[lo] > 0) {
                    next[s] = true;
                }
            }
        }
        return next;
    }
}
