package dk.fristed.records.ledger;

import dk.fristed.config.Categories;
import dk.fristed.validation.Fields;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A year's progress, computed from its ledger alone: every figure is a sum of entries in integer minor
 * units of the budget currency, exact whatever their number. A reversed entry and its reversal both
 * drop out. Pledged means this year's instalments of pledges; outstanding, what of them is not yet
 * paid. The gap is the need minus what is received and what is promised (negative when the year is
 * over-funded). Percentages are received ÷ need (funded) and (received + outstanding) ÷ need (secured),
 * rounded half up to two decimals.
 */
public record Progress(
        int year,
        String currency,
        long need,
        long received,
        long pledged,
        long outstandingPledges,
        long gap,
        String percentFunded,
        String percentSecured,
        String rounding,
        List<ByType> bySourceType,
        List<BySource> bySource,
        Funds unrestricted,
        List<Purpose> restricted,
        List<Category> spending,
        long spent,
        List<Overdue> overdueInstalments,
        int entries) {

    public record ByType(String type, long received, long outstandingPledges) {}

    public record BySource(
            String sourceId, String type, String source, long received, long pledged, long outstandingPledges) {}

    public record Funds(long received, long spent, long balance) {}

    public record Purpose(String purpose, long received, long spent, long balance) {}

    public record Category(String category, long planned, long spent, long remaining) {}

    public record Overdue(String pledgeId, String sourceId, String source, LocalDate due, long amount, long unpaid) {}

    public static final String ROUNDING = "half-up to 2 decimals";

    public static Progress of(
            BudgetYear year, List<Entry> ledger, List<Source> sources, Categories categories, LocalDate today) {
        Set<String> reversed = new HashSet<>();
        ledger.stream()
                .filter(e -> e.kind() == EntryKind.REVERSAL)
                .forEach(e -> reversed.add(e.reverses().orElseThrow()));
        List<Entry> live = ledger.stream()
                .filter(e -> e.kind() != EntryKind.REVERSAL && !reversed.contains(e.key()))
                .toList();
        Map<String, Source> byId = new LinkedHashMap<>();
        sources.forEach(s -> byId.put(s.id(), s));

        long received = 0;
        long pledged = 0;
        long outstanding = 0;
        long spent = 0;
        Map<String, Tally> types = new TreeMap<>();
        Map<String, Tally> perSource = new TreeMap<>();
        Map<String, Tally> purposes = new TreeMap<>();
        Tally free = new Tally();
        Map<String, Long> spentPerCategory = new LinkedHashMap<>();
        List<Overdue> overdue = new ArrayList<>();
        for (Entry e : live) {
            switch (e.kind()) {
                case PAYMENT -> {
                    received = Math.addExact(received, e.amount());
                    Tally.of(types, type(byId, e)).received(e.amount());
                    Tally.of(perSource, e.sourceId().orElseThrow()).received(e.amount());
                    e.purpose().map(p -> Tally.of(purposes, p)).orElse(free).received(e.amount());
                }
                case PLEDGE -> {
                    long rest = e.amount() - e.settled();
                    pledged = Math.addExact(pledged, e.amount());
                    outstanding = Math.addExact(outstanding, rest);
                    Tally.of(types, type(byId, e)).outstanding(rest);
                    Tally.of(perSource, e.sourceId().orElseThrow())
                            .pledged(e.amount())
                            .outstanding(rest);
                    overdue.addAll(overdue(e, byId, today));
                }
                case EXPENSE -> {
                    spent = Math.addExact(spent, e.amount());
                    spentPerCategory.merge(e.category().orElseThrow(), e.amount(), Math::addExact);
                    e.purpose().map(p -> Tally.of(purposes, p)).orElse(free).spent(e.amount());
                }
                case REVERSAL -> throw new IllegalStateException("reversals were left out above");
            }
        }
        Set<String> categoryNames = new LinkedHashSet<>(categories.names());
        categoryNames.addAll(year.plan().keySet());
        categoryNames.addAll(spentPerCategory.keySet());
        List<Category> spending = categoryNames.stream()
                .map(c -> {
                    long planned = year.plan().getOrDefault(c, 0L);
                    long out = spentPerCategory.getOrDefault(c, 0L);
                    return new Category(c, planned, out, planned - out);
                })
                .toList();
        long gap = year.need() - received - outstanding;
        return new Progress(
                year.year(),
                year.currency(),
                year.need(),
                received,
                pledged,
                outstanding,
                gap,
                percent(received, year.need()),
                percent(Math.addExact(received, outstanding), year.need()),
                ROUNDING,
                types.entrySet().stream()
                        .map(t -> new ByType(t.getKey(), t.getValue().received, t.getValue().outstanding))
                        .toList(),
                perSource.entrySet().stream()
                        .map(s -> {
                            Source source = byId.get(s.getKey());
                            return new BySource(
                                    s.getKey(),
                                    source == null ? null : Fields.wireName(source.type()),
                                    source == null ? "unknown" : source.label(),
                                    s.getValue().received,
                                    s.getValue().pledged,
                                    s.getValue().outstanding);
                        })
                        .toList(),
                new Funds(free.received, free.spent, free.received - free.spent),
                purposes.entrySet().stream()
                        .map(p -> new Purpose(
                                p.getKey(),
                                p.getValue().received,
                                p.getValue().spent,
                                p.getValue().received - p.getValue().spent))
                        .toList(),
                spending,
                spent,
                overdue,
                ledger.size());
    }

    /** An instalment is overdue when its due date has passed and the payments that settle the part have not reached it. */
    private static List<Overdue> overdue(Entry part, Map<String, Source> sources, LocalDate today) {
        List<Overdue> overdue = new ArrayList<>();
        long settled = part.settled();
        for (Instalment instalment : part.instalments()) {
            long covered = Math.min(settled, instalment.amount());
            settled -= covered;
            if (instalment.due().isBefore(today) && covered < instalment.amount()) {
                Source source = sources.get(part.sourceId().orElseThrow());
                overdue.add(new Overdue(
                        part.pledgeId().orElseThrow(),
                        part.sourceId().orElseThrow(),
                        source == null ? "unknown" : source.label(),
                        instalment.due(),
                        instalment.amount(),
                        instalment.amount() - covered));
            }
        }
        return overdue;
    }

    public static String percent(long part, long whole) {
        if (whole == 0) {
            return "0.00";
        }
        return BigDecimal.valueOf(part)
                .multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP)
                .toPlainString();
    }

    private static String type(Map<String, Source> sources, Entry e) {
        Source source = sources.get(e.sourceId().orElseThrow());
        return source == null ? "unknown" : Fields.wireName(source.type());
    }

    /** The sums of one type of source, one source, one purpose or the unrestricted money, by name; exact or an error. */
    private static final class Tally {
        private long received;
        private long pledged;
        private long outstanding;
        private long spent;

        public static Tally of(Map<String, Tally> tallies, String key) {
            return tallies.computeIfAbsent(key, k -> new Tally());
        }

        public Tally received(long amount) {
            received = Math.addExact(received, amount);
            return this;
        }

        public Tally pledged(long amount) {
            pledged = Math.addExact(pledged, amount);
            return this;
        }

        public Tally outstanding(long amount) {
            outstanding = Math.addExact(outstanding, amount);
            return this;
        }

        public Tally spent(long amount) {
            spent = Math.addExact(spent, amount);
            return this;
        }
    }
}
