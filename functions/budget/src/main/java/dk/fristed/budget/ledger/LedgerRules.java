package dk.fristed.budget.ledger;

import dk.fristed.problem.ApiProblem;
import dk.fristed.records.ledger.Entry;
import dk.fristed.records.ledger.EntryKind;
import dk.fristed.records.ledger.Instalment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The ledger's rules in plain Java: what a new entry writes, and which entries it moves, decided from the
 * entries it concerns as they were read. A pledge is one part per year its instalments fall in; a payment
 * settles the part of its pledge in its year (same source, enough left, same purpose, not reversed); a
 * reversal undoes its entry (never a reversal, a pledge only once no payment settles it, not dated
 * before it) and what the entry moved. The repository writes the decision in one transaction, under the
 * versions read.
 */
final class LedgerRules {
    /** The ledger's entries as read, by year and key. */
    @FunctionalInterface
    interface Lookup {
        Optional<Entry> entryAt(int year, String key);
    }

    /** An entry put back moved, to be written only if it is still at the version it was read at. */
    record Moved(Entry after, long versionRead) {}

    /** What an entry writes (new entries, in order) and moves. */
    record Decision(List<Entry> written, List<Moved> moved) {}

    /** What a new entry is called and when it is written: ids and time come from outside, so the rules stay pure. */
    record Stamp(String newId, String createdBy, Instant now) {}

    private LedgerRules() {}

    static Decision decide(NewEntry entry, Lookup ledger, Stamp stamp) {
        return switch (entry.kind()) {
            case PLEDGE -> new Decision(pledgeParts(entry, stamp), List.of());
            case PAYMENT -> {
                Optional<Entry> part = entry.pledgeId().map(id -> settleable(entry, ledger));
                Entry payment = entry(
                        entry,
                        entry.date() + "#" + stamp.newId(),
                        entry.purpose().or(() -> part.flatMap(Entry::purpose)),
                        stamp);
                yield new Decision(
                        List.of(payment),
                        part.map(p -> List.of(new Moved(p.settledBy(payment.amount()), p.version())))
                                .orElse(List.of()));
            }
            case EXPENSE ->
                new Decision(
                        List.of(entry(entry, entry.date() + "#" + stamp.newId(), entry.purpose(), stamp)), List.of());
            case REVERSAL -> reversal(entry, ledger, stamp);
        };
    }

    static List<Entry> pledgeParts(NewEntry pledge, Stamp stamp) {
        Map<Integer, List<Instalment>> byYear = new TreeMap<>();
        pledge.instalments()
                .forEach(t -> byYear.computeIfAbsent(t.due().getYear(), y -> new ArrayList<>())
                        .add(t));
        List<Entry> parts = new ArrayList<>();
        byYear.forEach((year, instalments) -> parts.add(new Entry(
                year,
                Entry.pledgeKey(stamp.newId()),
                EntryKind.PLEDGE,
                pledge.date(),
                instalments.stream().mapToLong(Instalment::amount).reduce(0, Math::addExact),
                Optional.empty(),
                pledge.sourceId(),
                Optional.of(stamp.newId()),
                pledge.purpose(),
                Optional.empty(),
                pledge.note(),
                List.copyOf(instalments),
                0,
                Optional.empty(),
                1,
                stamp.createdBy(),
                stamp.now())));
        return parts;
    }

    /** The pledge part of the payment's year it settles: the same source, enough left, the same purpose. */
    static Entry settleable(NewEntry payment, Lookup ledger) {
        Entry part = ledger.entryAt(
                        payment.year(), Entry.pledgeKey(payment.pledgeId().orElseThrow()))
                .orElseThrow(
                        () -> ApiProblem.unprocessable("pledgeId", "names no pledge with instalments in this year"));
        if (!part.sourceId().equals(payment.sourceId())) {
            throw ApiProblem.unprocessable("pledgeId", "is a pledge of another source");
        }
        if (ledger.entryAt(payment.year(), Entry.reversalKey(part.key())).isPresent()) {
            throw ApiProblem.unprocessable("pledgeId", "names a pledge that was reversed");
        }
        if (payment.amount() > part.amount() - part.settled()) {
            throw ApiProblem.unprocessable("amount", "is more than is left of the pledge's instalments this year");
        }
        if (payment.purpose().isPresent() && !payment.purpose().equals(part.purpose())) {
            throw ApiProblem.unprocessable("purpose", "must be the pledge's purpose, or be left out");
        }
        return part;
    }

    /** The reversal, and what it moves back: a settled pledge part, or the reversed pledge one version on. */
    static Decision reversal(NewEntry entry, Lookup ledger, Stamp stamp) {
        Entry reversed = reversible(entry, ledger);
        Entry reversal = new Entry(
                entry.year(),
                Entry.reversalKey(reversed.key()),
                EntryKind.REVERSAL,
                entry.date(),
                reversed.amount(),
                Optional.empty(),
                reversed.sourceId(),
                reversed.pledgeId(),
                reversed.purpose(),
                reversed.category(),
                entry.note(),
                List.of(),
                0,
                Optional.of(reversed.key()),
                1,
                stamp.createdBy(),
                stamp.now());
        List<Moved> moved = new ArrayList<>();
        if (reversed.kind() == EntryKind.PAYMENT && reversed.pledgeId().isPresent()) {
            Entry part = ledger.entryAt(
                            entry.year(), Entry.pledgeKey(reversed.pledgeId().get()))
                    .orElseThrow();
            moved.add(new Moved(part.settledBy(-reversed.amount()), part.version()));
        } else if (reversed.kind() == EntryKind.PLEDGE) {
            // one version on: a payment that read the pledge before this reversal cannot settle it after
            moved.add(new Moved(reversed.settledBy(0), reversed.version()));
        }
        return new Decision(List.of(reversal), moved);
    }

    static Entry reversible(NewEntry reversal, Lookup ledger) {
        String key = reversal.reverses().orElseThrow();
        Entry reversed = ledger.entryAt(reversal.year(), key)
                .orElseThrow(() -> ApiProblem.notFound("reverses", "no entry of this year has this key"));
        if (reversed.kind() == EntryKind.REVERSAL) {
            throw ApiProblem.unprocessable("reverses", "names a reversal: enter the original again instead");
        }
        if (reversed.kind() == EntryKind.PLEDGE && reversed.settled() > 0) {
            throw ApiProblem.conflict("payments settle this pledge: reverse them first");
        }
        if (reversal.date().isBefore(reversed.date())) {
            throw ApiProblem.badRequest("date", "must not be before the entry it reverses");
        }
        return reversed;
    }

    private static Entry entry(NewEntry e, String key, Optional<String> purpose, Stamp stamp) {
        return new Entry(
                e.year(),
                key,
                e.kind(),
                e.date(),
                e.amount(),
                e.original(),
                e.sourceId(),
                e.pledgeId(),
                purpose,
                e.category(),
                e.note(),
                List.of(),
                0,
                Optional.empty(),
                1,
                stamp.createdBy(),
                stamp.now());
    }
}
