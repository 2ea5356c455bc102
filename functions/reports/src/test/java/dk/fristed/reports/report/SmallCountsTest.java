package dk.fristed.reports.report;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The publishable breakdowns against a reader who tries to recover every hidden count: given the shown
 * counts, the total, that "<10" is 1 to 9 and that "x" is 0 (where zero rows are listed) or at least
 * 10, the reader enumerates every assignment of the hidden cells that adds up. No hidden cell may have
 * only one possible value. The enumeration is written here, apart from SmallCounts' own reasoning.
 */
class SmallCountsTest {
    private static final int T = 10;

    @Test
    void aSingleSmallCount_getsAPartnerHidden_soItCannotBeSubtracted() {
        var published = SmallCounts.protect(counts("female", 300, "male", 279, "other", 3, "unknown", 0), T, true);
        assertEquals("<10", published.cells().get("other"));
        assertEquals("x", published.cells().get("male"), "the smallest count that protects it");
        assertEquals(300, published.cells().get("female"));
        assertEquals(0, published.cells().get("unknown"));
        assertNothingRecoverable(counts("female", 300, "male", 279, "other", 3, "unknown", 0), published, true);
    }

    @Test
    void twoSmallCountsThatAreBothOne_areNotLeftAlone() {
        // 1 + 1 = 2 hidden: each must be 1, so a third count must be hidden with them
        var exact = counts("RO", 40, "ET", 12, "SO", 1, "ER", 1);
        var published = SmallCounts.protect(exact, T, false);
        assertEquals("x", published.cells().get("ET"));
        assertNothingRecoverable(exact, published, false);
    }

    @Test
    void noSmallCount_everythingShown() {
        var exact = counts("0-17", 12, "18-29", 0, "30-44", 40, "45+", 55);
        assertEquals(exact, SmallCounts.protect(exact, T, true).cells());
    }

    @Test
    void aBreakdownThatCannotBeProtected_isWithheld() {
        // every patient of one nationality, and fewer than ten of them
        var published = SmallCounts.protect(counts("RO", 5), T, false);
        assertTrue(published.withheld());
        assertTrue(published.cells().isEmpty());
    }

    @Test
    void randomBreakdowns_noHiddenCountCanBeRecovered() {
        Random random = new Random(18);
        int protectedTables = 0;
        for (int round = 0; round < 400; round++) {
            boolean zerosListed = random.nextBoolean();
            int cells = 2 + random.nextInt(4);
            Map<String, Integer> exact = new LinkedHashMap<>();
            for (int i = 0; i < cells; i++) {
                int kind = random.nextInt(3);
                int count = kind == 0 ? 1 + random.nextInt(T - 1) : kind == 1 ? T + random.nextInt(30) : zerosListed ? 0 : 1 + random.nextInt(3);
                exact.put("c" + i, count);
            }
            var published = SmallCounts.protect(exact, T, zerosListed);
            if (published.withheld()) {
                continue;
            }
            protectedTables++;
            assertNothingRecoverable(exact, published, zerosListed);
            exact.forEach((key, count) -> {
                Object shown = published.cells().get(key);
                assertFalse(count >= 1 && count < T && !"<10".equals(shown), "a small count is never shown: " + exact);
            });
        }
        assertTrue(protectedTables > 300, "most random tables can be published");
    }

    /** Enumerates the hidden cells' values that fit what is published; each cell needs two or more. */
    private static void assertNothingRecoverable(Map<String, Integer> exact, SmallCounts.Published published, boolean zerosListed) {
        int total = exact.values().stream().mapToInt(Integer::intValue).sum();
        int shownSum = 0;
        List<String> hidden = new ArrayList<>();
        for (var cell : published.cells().entrySet()) {
            if (cell.getValue() instanceof Integer shown) {
                shownSum += shown;
            } else {
                hidden.add(cell.getKey());
            }
        }
        if (hidden.isEmpty()) {
            return;
        }
        List<Set<Integer>> possible = new ArrayList<>();
        hidden.forEach(h -> possible.add(new TreeSet<>()));
        enumerate(published, hidden, 0, total - shownSum, new int[hidden.size()], possible, zerosListed);
        for (int i = 0; i < hidden.size(); i++) {
            assertTrue(possible.get(i).size() >= 2, hidden.get(i) + " can be recovered from " + published.cells() + " (total " + total
                    + "): only " + possible.get(i));
        }
    }

    private static void enumerate(SmallCounts.Published published, List<String> hidden, int index, int left, int[] values,
                                  List<Set<Integer>> possible, boolean zerosListed) {
        if (index == hidden.size()) {
            if (left == 0) {
                for (int i = 0; i < values.length; i++) {
                    possible.get(i).add(values[i]);
                }
            }
            return;
        }
        boolean small = "<10".equals(published.cells().get(hidden.get(index)));
        for (int v = 0; v <= left; v++) {
            boolean fits = small ? v >= 1 && v < T : v >= T || (zerosListed && v == 0);
            if (fits) {
                values[index] = v;
                enumerate(published, hidden, index + 1, left - v, values, possible, zerosListed);
            }
        }
    }

    private static Map<String, Integer> counts(Object... keysAndCounts) {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndCounts.length; i += 2) {
            map.put((String) keysAndCounts[i], (Integer) keysAndCounts[i + 1]);
        }
        return map;
    }
}
