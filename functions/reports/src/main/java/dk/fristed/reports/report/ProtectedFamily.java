package dk.fristed.reports.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A year's tables as {@link FamilySuppression} protects them: all sites, each site published apart, and
 * the sites not published apart taken together (what all sites less the others gives a reader). A site
 * is not published apart when it saw 1..threshold-1 patients or visits, or is hidden with such a site.
 */
final class ProtectedFamily {
    static final String HIDDEN = "x";

    private final int threshold;
    private final Set<String> hiddenSites;
    private final List<ClinicReport> tables = new ArrayList<>();
    private final List<ClinicReport> notApart = new ArrayList<>();
    private final List<String> withheld = new ArrayList<>();

    ProtectedFamily(YearFamily family, int threshold) {
        this.threshold = threshold;
        Map<String, Integer> patients = new LinkedHashMap<>();
        Map<String, Integer> visits = new LinkedHashMap<>();
        family.bySite().forEach((site, report) -> {
            patients.put(site, report.patients().total());
            visits.put(site, report.visits().total());
        });
        // the sites are the categories here, and their patients and visits two tables of them
        this.hiddenSites = FamilySuppression.hidden(List.of(patients, visits), threshold)
                .orElse(family.bySite().keySet());
        tables.add(family.all());
        family.bySite().forEach((site, report) -> (hiddenSites.contains(site) ? notApart : tables).add(report));
    }

    Set<String> hiddenSites() {
        return hiddenSites;
    }

    /** Names of the breakdowns withheld so far, in the order they were protected. */
    List<String> withheld() {
        return withheld;
    }

    /** One breakdown, protected across the family. */
    Breakdown protect(String name, Function<ClinicReport, Map<String, Integer>> counts) {
        List<Map<String, Integer>> family =
                new ArrayList<>(tables.stream().map(counts).toList());
        if (!notApart.isEmpty()) {
            Map<String, Integer> together = new LinkedHashMap<>();
            notApart.forEach(
                    report -> counts.apply(report).forEach((category, n) -> together.merge(category, n, Integer::sum)));
            family.add(together);
        }
        Optional<Set<String>> hidden = FamilySuppression.hidden(family, threshold);
        if (hidden.isEmpty()) {
            withheld.add(name);
        }
        return new Breakdown(counts, hidden);
    }

    /** A breakdown's hidden categories; {@code hidden} is empty when the whole breakdown is withheld. */
    record Breakdown(Function<ClinicReport, Map<String, Integer>> counts, Optional<Set<String>> hidden) {

        /** The table's counts, {@code "x"} where hidden. */
        Map<String, Object> cells(ClinicReport table) {
            Map<String, Object> cells = new LinkedHashMap<>();
            counts.apply(table).forEach((category, n) -> cells.put(category, shows(category) ? n : HIDDEN));
            return cells;
        }

        /** The table's total, {@code "x"} when the breakdown is withheld. */
        Object total(ClinicReport table) {
            return hidden.isPresent() ? FamilySuppression.sum(counts.apply(table)) : HIDDEN;
        }

        Object cell(ClinicReport table, String category) {
            return cells(table).get(category);
        }

        boolean shows(String category) {
            return hidden.isPresent() && !hidden.get().contains(category);
        }

        /** What the hidden categories add up to in the table: 0 or at least the threshold, unless withheld. */
        Object hiddenSum(ClinicReport table) {
            if (hidden.isEmpty()) {
                return HIDDEN;
            }
            return counts.apply(table).entrySet().stream()
                    .filter(e -> !shows(e.getKey()))
                    .mapToInt(Map.Entry::getValue)
                    .sum();
        }
    }
}
