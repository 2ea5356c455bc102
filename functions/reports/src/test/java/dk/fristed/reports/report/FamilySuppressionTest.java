package dk.fristed.reports.report;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hidden categories of a breakdown across a year's tables. What makes the control hold is checked
 * here from the counts, apart from how FamilySuppression gets there: no shown count is 1..9 in any table,
 * and in every table the hidden counts add up to 0 or at least 10.
 */
class FamilySuppressionTest {
    private static final int T = 10;

    @Test
    void aCountSmallAtOneSite_isHiddenInEveryTable_withAPartner() {
        var all = counts("female", 300, "male", 279, "other", 3, "unknown", 0);
        var copenhagen = counts("female", 200, "male", 200, "other", 0, "unknown", 0);
        var aarhus = counts("female", 100, "male", 79, "other", 3, "unknown", 0);
        Set<String> hidden =
                FamilySuppression.hidden(List.of(all, copenhagen, aarhus), T).orElseThrow();
        assertEquals(
                Set.of("other", "male"), hidden, "other is small at Aarhus; male is the smallest that covers it there");
        assertProtected(List.of(all, copenhagen, aarhus), hidden);
    }

    @Test
    void twoSmallCountsThatAddUpToLessThanTen_getAThird() {
        var family = List.of(counts("RO", 40, "ET", 12, "SO", 1, "ER", 1));
        Set<String> hidden = FamilySuppression.hidden(family, T).orElseThrow();
        assertEquals(Set.of("SO", "ER", "ET"), hidden);
        assertProtected(family, hidden);
    }

    @Test
    void noSmallCountAnywhere_nothingHidden() {
        var family = List.of(
                counts("0-17", 12, "18-29", 0, "30-44", 40, "45+", 55),
                counts("0-17", 12, "18-29", 0, "30-44", 40, "45+", 55));
        assertEquals(Optional.of(Set.of()), FamilySuppression.hidden(family, T));
    }

    @Test
    void aTotalFromOneToNineInAnyTable_withholdsTheBreakdownInAll() {
        // three complaints at one site: whichever way they are split, the split is a count below ten
        var family = List.of(
                counts("upheld", 10, "dismissed", 2, "pending", 0), counts("upheld", 1, "dismissed", 2, "pending", 0));
        assertEquals(Optional.empty(), FamilySuppression.hidden(family, T));
    }

    @Test
    void randomFamilies_everyTableKeepsItsHiddenCountsAtZeroOrTenOrMore() {
        Random random = new Random(29);
        int shown = 0;
        int cells = 0;
        for (int round = 0; round < 500; round++) {
            int categories = 2 + random.nextInt(8);
            int sites = 1 + random.nextInt(4);
            List<Map<String, Integer>> family = new ArrayList<>();
            Map<String, Integer> all = new LinkedHashMap<>();
            for (int s = 0; s < sites; s++) {
                Map<String, Integer> site = new LinkedHashMap<>();
                for (int c = 0; c < categories; c++) {
                    int n = random.nextInt(3) == 0 ? random.nextInt(4) : random.nextInt(60);
                    site.put("c" + c, n);
                    all.merge("c" + c, n, Integer::sum);
                }
                family.add(site);
            }
            family.add(0, all);
            var hidden = FamilySuppression.hidden(family, T);
            if (hidden.isEmpty()) {
                assertTrue(
                        family.stream().anyMatch(t -> FamilySuppression.small(FamilySuppression.sum(t), T)),
                        "withheld only for a small total");
                continue;
            }
            assertProtected(family, hidden.get());
            cells += categories;
            shown += categories - hidden.get().size();
        }
        assertTrue(shown > cells / 3, "most families show a good part of their categories: " + shown + " of " + cells);
    }

    /** What the proof needs: shown counts are 0 or 10+ everywhere, hidden ones add up to 0 or 10+ in each table. */
    static void assertProtected(List<Map<String, Integer>> family, Set<String> hidden) {
        assertFalse(hidden.size() == 1, "one hidden category would be its table's total less the shown ones");
        for (Map<String, Integer> table : family) {
            int hiddenSum = 0;
            for (var cell : table.entrySet()) {
                if (hidden.contains(cell.getKey())) {
                    hiddenSum += cell.getValue();
                } else {
                    assertFalse(
                            FamilySuppression.small(cell.getValue(), T),
                            "a shown count of " + cell.getValue() + " in " + table);
                }
            }
            assertFalse(
                    FamilySuppression.small(hiddenSum, T), "hidden counts adding up to " + hiddenSum + " in " + table);
        }
    }

    private static Map<String, Integer> counts(Object... pairs) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            counts.put((String) pairs[i], (Integer) pairs[i + 1]);
        }
        return counts;
    }
}
