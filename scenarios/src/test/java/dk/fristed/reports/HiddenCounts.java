package dk.fristed.reports;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The reader of {@link PublishableAttackIT}: holds what a year's reports show (all sites and each site;
 * null where a count is hidden) and works out bounds for each hidden count from everything at once:
 * each breakdown adds up to its total, all sites are the sum of the sites (exactly so when no patient
 * visits two sites), the breakdowns of patients share one total, and so do those of referrals. Bounds
 * are tightened equation by equation until nothing moves (interval propagation), as a reader with a
 * spreadsheet would, and checked against the exact counts: a bound that excludes the truth fails the test.
 */
final class HiddenCounts {
    private static final int UNBOUNDED = 1_000_000;

    /** One breakdown as the internal report holds it, and where the publishable one shows it. */
    private record Breakdown(
            String name,
            String total,
            String sharesTotalWith,
            Function<JsonNode, Map<String, Integer>> exact,
            Function<JsonNode, Map<String, Integer>> shown) {}

    private static final List<Breakdown> BREAKDOWNS = List.of(
            new Breakdown(
                    "sex",
                    "/patients/total",
                    null,
                    r -> fields(r.at("/patients/bySex")),
                    r -> fields(r.at("/patients/bySex"))),
            new Breakdown(
                    "age",
                    "/patients/total",
                    "sex",
                    r -> fields(r.at("/patients/byAgeGroup")),
                    r -> fields(r.at("/patients/byAgeGroup"))),
            new Breakdown(
                    "nationality",
                    "/patients/total",
                    "sex",
                    r -> list(r.at("/patients/byNationality")),
                    r -> list(r.at("/patients/byNationality"))),
            new Breakdown("newness", "/patients/total", "sex", HiddenCounts::newness, r -> {
                Map<String, Integer> cells = new HashMap<>();
                cells.put("new", value(r.at("/patients/newPatients")));
                cells.put("returning", null);
                return cells;
            }),
            new Breakdown(
                    "area",
                    "/visits/total",
                    null,
                    r -> fields(r.at("/visits/byArea")),
                    r -> fields(r.at("/visits/byArea"))),
            new Breakdown(
                    "chapter",
                    "/diagnoses/total",
                    null,
                    r -> fields(r.at("/diagnoses/byChapter")),
                    r -> fields(r.at("/diagnoses/byChapter"))),
            new Breakdown(
                    "kind",
                    "/referrals/referrals",
                    null,
                    r -> fields(r.at("/referrals/byKind")),
                    r -> fields(r.at("/referrals/byKind"))),
            new Breakdown(
                    "state",
                    "/referrals/referrals",
                    "kind",
                    r -> fields(r.at("/referrals/byState")),
                    r -> fields(r.at("/referrals/byState"))),
            new Breakdown(
                    "reason",
                    "/referrals/rejected",
                    null,
                    r -> fields(r.at("/referrals/rejectionsByReason")),
                    r -> fields(r.at("/referrals/rejectionsByReason"))),
            new Breakdown(
                    "complaint",
                    "/referrals/complaintsFiled",
                    null,
                    r -> {
                        Map<String, Integer> cells = fields(r.at("/referrals/complaints"));
                        cells.remove("filed");
                        return cells;
                    },
                    r -> fields(r.at("/referrals/complaintOutcomes"))),
            new Breakdown(
                    "invoice",
                    "/invoices/received",
                    null,
                    HiddenCounts::invoiceOutcomes,
                    r -> fields(r.at("/invoices/byOutcome"))));

    /** What a table shows of one breakdown: a count or null (hidden) per category, and the total or null. */
    record Shown(Map<String, Integer> cells, Integer total) {}

    /** What the reader worked out: hidden counts with one possible value, and with fewer than the threshold. */
    record Result(int hidden, int pinned, int narrow, List<String> examples) {
        @Override
        public String toString() {
            return hidden + " hidden counts, " + pinned + " pinned to one value, " + narrow
                    + " more to fewer values than the threshold";
        }
    }

    private HiddenCounts() {}

    /** The reports as published; a site not published apart shows nothing. */
    static Map<String, Map<String, Shown>> fromPublished(Map<String, JsonNode> published, Map<String, JsonNode> exact) {
        Map<String, Map<String, Shown>> tables = new LinkedHashMap<>();
        exact.keySet().forEach(scope -> {
            Map<String, Shown> shown = new LinkedHashMap<>();
            JsonNode report = published.get(scope);
            for (Breakdown b : BREAKDOWNS) {
                Map<String, Integer> cells = new LinkedHashMap<>();
                categories(b, exact).forEach(c -> cells.put(c, null));
                if (report != null) {
                    b.shown().apply(report).forEach(cells::put);
                }
                shown.put(b.name(), new Shown(cells, report == null ? null : value(report.at(b.total()))));
            }
            tables.put(scope, shown);
        });
        return tables;
    }

    /** The same reports protected one table at a time: each table hides its own small counts and the smallest partners they need. */
    static Map<String, Map<String, Shown>> oneTableAtATime(Map<String, JsonNode> exact, int threshold) {
        Map<String, Map<String, Shown>> tables = new LinkedHashMap<>();
        exact.forEach((scope, report) -> {
            Map<String, Shown> shown = new LinkedHashMap<>();
            for (Breakdown b : BREAKDOWNS) {
                Map<String, Integer> counts = new LinkedHashMap<>();
                categories(b, exact).forEach(c -> counts.put(c, 0));
                counts.putAll(b.exact().apply(report));
                Map<String, Integer> cells = new LinkedHashMap<>(counts);
                counts.forEach((c, n) -> cells.put(c, small(n, threshold) ? null : n));
                int total = counts.values().stream().mapToInt(Integer::intValue).sum();
                while (small(
                        total
                                - cells.values().stream()
                                        .filter(v -> v != null)
                                        .mapToInt(Integer::intValue)
                                        .sum(),
                        threshold)) {
                    String partner = cells.entrySet().stream()
                            .filter(e -> e.getValue() != null && e.getValue() > 0)
                            .min(Map.Entry.comparingByValue())
                            .map(Map.Entry::getKey)
                            .orElse(null);
                    if (partner == null) {
                        break;
                    }
                    cells.put(partner, null);
                }
                shown.put(b.name(), new Shown(cells, small(total, threshold) ? null : total));
            }
            tables.put(scope, shown);
        });
        return tables;
    }

    /** Bounds for every hidden count, from every table at once; then how many are pinned or narrowed. */
    static Result attack(Map<String, Map<String, Shown>> tables, Map<String, JsonNode> exact, int threshold) {
        Map<String, int[]> bounds = new LinkedHashMap<>();
        List<List<String>> equations = new ArrayList<>(); // each: the sum of the first minus the sum of the rest is 0
        List<String> sites =
                tables.keySet().stream().filter(s -> !s.equals("all")).toList();
        tables.forEach((scope, shown) -> shown.forEach((name, table) -> {
            String total = scope + "|" + name + "|total";
            bounds.put(total, known(table.total()));
            List<String> sum = new ArrayList<>(List.of(total));
            table.cells().forEach((category, n) -> {
                bounds.put(scope + "|" + name + "|" + category, known(n));
                sum.add(scope + "|" + name + "|" + category);
            });
            equations.add(sum);
        }));
        for (Breakdown b : BREAKDOWNS) {
            Set<String> keys = new LinkedHashSet<>(categories(b, exact));
            keys.add("total");
            for (String key : keys) {
                List<String> sum = new ArrayList<>(List.of("all|" + b.name() + "|" + key));
                sites.forEach(site -> sum.add(site + "|" + b.name() + "|" + key));
                equations.add(sum);
            }
            if (b.sharesTotalWith() != null) {
                tables.keySet()
                        .forEach(scope -> equations.add(List.of(
                                scope + "|" + b.name() + "|total", scope + "|" + b.sharesTotalWith() + "|total")));
            }
        }
        propagate(bounds, equations);

        int hidden = 0;
        int pinned = 0;
        int narrow = 0;
        List<String> examples = new ArrayList<>();
        for (var scope : tables.entrySet()) {
            for (Breakdown b : BREAKDOWNS) {
                Map<String, Integer> truth = b.exact().apply(exact.get(scope.getKey()));
                for (var cell : scope.getValue().get(b.name()).cells().entrySet()) {
                    int actual = truth.getOrDefault(cell.getKey(), 0);
                    if (cell.getValue() != null || actual == 0) {
                        continue;
                    }
                    String key = scope.getKey() + "|" + b.name() + "|" + cell.getKey();
                    int[] range = bounds.get(key);
                    if (actual < range[0] || actual > range[1]) {
                        throw new AssertionError("the reader's reasoning is wrong: " + key + " is " + actual
                                + ", not in " + range[0] + ".." + range[1]);
                    }
                    hidden++;
                    int values = range[1] - range[0] + 1;
                    if (values == 1) {
                        pinned++;
                    } else if (values < threshold) {
                        narrow++;
                    }
                    if (values < threshold && examples.size() < 10) {
                        examples.add(key + " in " + range[0] + ".." + range[1]);
                    }
                }
            }
        }
        return new Result(hidden, pinned, narrow, examples);
    }

    /** Interval propagation over "first = sum of the rest" equations, until no bound moves. */
    private static void propagate(Map<String, int[]> bounds, List<List<String>> equations) {
        boolean moved = true;
        for (int round = 0; moved && round < 1000; round++) {
            moved = false;
            for (List<String> equation : equations) {
                for (int i = 0; i < equation.size(); i++) {
                    // the term i, from the others: first = rest, so rest_i = first - other rest, first = sum of rest
                    long lo = 0;
                    long hi = 0;
                    for (int j = 0; j < equation.size(); j++) {
                        if (j == i) {
                            continue;
                        }
                        int[] b = bounds.get(equation.get(j));
                        boolean sameSide = (i == 0) == (j == 0);
                        // term i = (first) - (rest but i) when i is in the rest; = sum of rest when i is first
                        if (i == 0 || !sameSide) {
                            lo += b[0];
                            hi += b[1];
                        } else {
                            lo -= b[1];
                            hi -= b[0];
                        }
                    }
                    int[] own = bounds.get(equation.get(i));
                    int newLo = (int) Math.max(own[0], Math.max(0, lo));
                    int newHi = (int) Math.min(own[1], Math.min(UNBOUNDED, hi));
                    if (newLo != own[0] || newHi != own[1]) {
                        own[0] = newLo;
                        own[1] = newHi;
                        moved = true;
                    }
                }
            }
        }
    }

    private static int[] known(Integer value) {
        return value == null ? new int[] {0, UNBOUNDED} : new int[] {value, value};
    }

    private static Set<String> categories(Breakdown b, Map<String, JsonNode> exact) {
        Set<String> all = new LinkedHashSet<>();
        exact.values().forEach(report -> all.addAll(b.exact().apply(report).keySet()));
        return all;
    }

    private static boolean small(int n, int threshold) {
        return n >= 1 && n < threshold;
    }

    private static Integer value(JsonNode node) {
        return node.isInt() ? node.asInt() : null;
    }

    private static Map<String, Integer> fields(JsonNode object) {
        Map<String, Integer> cells = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> cells.put(e.getKey(), value(e.getValue())));
        return cells;
    }

    private static Map<String, Integer> list(JsonNode nationalities) {
        Map<String, Integer> cells = new LinkedHashMap<>();
        nationalities.forEach(n -> cells.put(n.get("nationality").asText(), value(n.get("patients"))));
        return cells;
    }

    private static Map<String, Integer> newness(JsonNode report) {
        int total = report.at("/patients/total").asInt();
        int fresh = report.at("/patients/newPatients").asInt();
        return new LinkedHashMap<>(Map.of("new", fresh, "returning", total - fresh));
    }

    private static Map<String, Integer> invoiceOutcomes(JsonNode report) {
        JsonNode counts = report.at("/invoices/invoices");
        int full = counts.get("creditedInFull").asInt();
        int partly = counts.get("partlyCredited").asInt();
        int rejected = counts.get("rejected").asInt();
        return new LinkedHashMap<>(Map.of(
                "creditedInFull",
                full,
                "partlyCredited",
                partly,
                "rejected",
                rejected,
                "undecided",
                counts.get("received").asInt() - full - partly - rejected));
    }
}
