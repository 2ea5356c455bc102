package dk.fristed.reports.report;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Chooses which categories of one breakdown (patients by sex, diagnoses by chapter, ...) are hidden, the
 * same categories in every table of a family: a year for all sites and for each site. Hidden ({@code H}):
 * every category with a count from 1 to below the threshold in any table of the family (primary), and
 * then, while some table's hidden counts add up to 1..threshold-1, that table's smallest shown count
 * above 0 (secondary). A breakdown whose total is 1..threshold-1 in any table is withheld in all of them.
 *
 * <p>Why it holds against a reader with every table of the family: in each table the hidden counts add
 * up to 0 or at least the threshold, and the shown ones are the same categories everywhere. Moving every
 * record whose category is in {@code H} to any one category of {@code H} changes no shown figure in any
 * table, so each hidden count can be anything from 0 to its table's hidden sum: never one value, never
 * fewer than threshold + 1 values, whatever the reader adds, subtracts or compares.
 */
final class FamilySuppression {
    private FamilySuppression() {}

    /** The hidden categories; empty when the breakdown is withheld, an empty set when nothing is hidden. */
    static Optional<Set<String>> hidden(Collection<Map<String, Integer>> family, int threshold) {
        for (Map<String, Integer> table : family) {
            if (small(sum(table), threshold)) {
                return Optional.empty();
            }
        }
        Set<String> hidden = new LinkedHashSet<>();
        for (Map<String, Integer> table : family) {
            table.forEach((category, count) -> {
                if (small(count, threshold)) {
                    hidden.add(category);
                }
            });
        }
        for (Map<String, Integer> table = exposing(family, hidden, threshold);
                table != null;
                table = exposing(family, hidden, threshold)) {
            Map<String, Integer> t = table;
            // a table whose total is not small always has a shown count above 0 left to add
            hidden.add(t.keySet().stream()
                    .filter(c -> !hidden.contains(c) && t.get(c) > 0)
                    .min(Comparator.comparing((String c) -> t.get(c)).thenComparing(Comparator.naturalOrder()))
                    .orElseThrow());
        }
        return Optional.of(hidden);
    }

    /** A table whose hidden counts add up to 1..threshold-1, or null. */
    private static Map<String, Integer> exposing(
            Collection<Map<String, Integer>> family, Set<String> hidden, int threshold) {
        for (Map<String, Integer> table : family) {
            int hiddenSum = 0;
            for (String category : hidden) {
                hiddenSum += table.getOrDefault(category, 0);
            }
            if (small(hiddenSum, threshold)) {
                return table;
            }
        }
        return null;
    }

    static int sum(Map<String, Integer> table) {
        return table.values().stream().mapToInt(Integer::intValue).sum();
    }

    static boolean small(int count, int threshold) {
        return count >= 1 && count < threshold;
    }
}
