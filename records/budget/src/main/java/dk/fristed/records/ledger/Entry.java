package dk.fristed.records.ledger;

import dk.fristed.money.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One line of a year's ledger, amounts in minor units of the budget currency. {@code key} orders the
 * ledger and is what a reversal names: payments and expenses by date, pledge parts as {@code P#id},
 * reversals as {@code R#} and the key they reverse (so an entry is reversed at most once).
 *
 * @param pledgeId  a pledge part's pledge (the same in every year it spans), or the pledge a payment settles
 * @param settled   a pledge part's instalments paid so far (payments that name it)
 */
public record Entry(
        int year,
        String key,
        EntryKind kind,
        LocalDate date,
        long amount,
        Optional<Money> original,
        Optional<String> sourceId,
        Optional<String> pledgeId,
        Optional<String> purpose,
        Optional<String> category,
        Optional<String> note,
        List<Instalment> instalments,
        long settled,
        Optional<String> reverses,
        long version,
        String createdBy,
        Instant createdAt) {

    public static String pledgeKey(String pledgeId) {
        return "P#" + pledgeId;
    }

    public static String reversalKey(String reversedKey) {
        return "R#" + reversedKey;
    }

    /** A pledge part with {@code more} minor units settled (negative when a settling payment is reversed), one version on. */
    public Entry settledBy(long more) {
        return new Entry(
                year,
                key,
                kind,
                date,
                amount,
                original,
                sourceId,
                pledgeId,
                purpose,
                category,
                note,
                instalments,
                Math.addExact(settled, more),
                reverses,
                version + 1,
                createdBy,
                createdAt);
    }
}
