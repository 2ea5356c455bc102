package dk.fristed.budget.ledger;

import dk.fristed.problem.ApiProblem;
import dk.fristed.records.ledger.Entry;
import dk.fristed.records.ledger.EntryKind;
import dk.fristed.records.ledger.Instalment;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Every rule the ledger enforces, in milliseconds: a map stands in for the entries the repository reads. */
class LedgerRulesTest {
    private static final LedgerRules.Stamp STAMP =
            new LedgerRules.Stamp("id00000001", "finance-1", Instant.parse("2025-09-15T10:00:00Z"));
    private final Map<String, Entry> stored = new HashMap<>();
    private final LedgerRules.Lookup ledger = (year, key) -> Optional.ofNullable(stored.get(year + "/" + key));

    @Test
    void aPledge_isOnePartPerYearItsInstalmentsFallIn() {
        var decision = LedgerRules.decide(
                pledge(List.of(
                        new Instalment(LocalDate.of(2025, 3, 1), 600),
                        new Instalment(LocalDate.of(2025, 10, 1), 400),
                        new Instalment(LocalDate.of(2026, 3, 1), 1000))),
                ledger,
                STAMP);
        assertEquals(
                List.of(2025, 2026),
                decision.written().stream().map(Entry::year).toList());
        assertEquals(
                List.of(1000L, 1000L),
                decision.written().stream().map(Entry::amount).toList());
        assertEquals(
                List.of("P#id00000001", "P#id00000001"),
                decision.written().stream().map(Entry::key).toList());
        assertEquals(List.of(), decision.moved());
    }

    @Test
    void aPayment_settlesItsPledgesPartOfTheYear_underTheVersionRead_andTakesItsPurpose() {
        store(part("oak", 1000, 200, Optional.of("dental care")));
        var decision = LedgerRules.decide(payment("oak", 300, Optional.of("p1"), Optional.empty()), ledger, STAMP);
        assertEquals("2025-05-01#id00000001", decision.written().get(0).key());
        assertEquals(Optional.of("dental care"), decision.written().get(0).purpose());
        assertEquals(500, decision.moved().get(0).after().settled());
        assertEquals(1, decision.moved().get(0).versionRead());
        assertEquals(2, decision.moved().get(0).after().version());
    }

    @Test
    void aPayment_isRefusedFieldByField_forEveryRuleOfItsPledge() {
        assertProblem(
                422,
                "pledgeId",
                () -> LedgerRules.decide(payment("oak", 100, Optional.of("p1"), Optional.empty()), ledger, STAMP));
        store(part("oak", 1000, 900, Optional.of("dental care")));
        assertProblem(
                422,
                "pledgeId",
                () -> LedgerRules.decide(payment("branch", 50, Optional.of("p1"), Optional.empty()), ledger, STAMP));
        assertProblem(
                422,
                "amount",
                () -> LedgerRules.decide(payment("oak", 101, Optional.of("p1"), Optional.empty()), ledger, STAMP));
        assertProblem(
                422,
                "purpose",
                () -> LedgerRules.decide(payment("oak", 50, Optional.of("p1"), Optional.of("rent")), ledger, STAMP));
        assertEquals(
                1,
                LedgerRules.decide(payment("oak", 100, Optional.of("p1"), Optional.empty()), ledger, STAMP)
                        .moved()
                        .size(),
                "exactly what is left");
        store(reversalOf("P#p1"));
        assertProblem(
                422,
                "pledgeId",
                () -> LedgerRules.decide(payment("oak", 50, Optional.of("p1"), Optional.empty()), ledger, STAMP));
    }

    @Test
    void aReversal_undoesItsEntryAndWhatItMoved() {
        store(part("oak", 1000, 300, Optional.empty()));
        Entry paid = stored(new Entry(
                2025,
                "2025-05-01#pay1",
                EntryKind.PAYMENT,
                LocalDate.of(2025, 5, 1),
                300,
                Optional.empty(),
                Optional.of("oak"),
                Optional.of("p1"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                0,
                Optional.empty(),
                1,
                "finance-1",
                STAMP.now()));
        var decision = LedgerRules.decide(reversal(paid.key(), LocalDate.of(2025, 6, 1)), ledger, STAMP);
        Entry reversal = decision.written().get(0);
        assertEquals("R#" + paid.key(), reversal.key());
        assertEquals(300, reversal.amount());
        assertEquals(0, decision.moved().get(0).after().settled(), "the pledge is owed again");
    }

    @Test
    void aReversal_isRefused_ofAReversal_ofASettledPledge_beforeItsEntry_orOfNothing() {
        assertProblem(
                404,
                "reverses",
                () -> LedgerRules.decide(reversal("2025-05-01#none", LocalDate.of(2025, 6, 1)), ledger, STAMP));
        Entry settled = store(part("oak", 1000, 10, Optional.empty()));
        assertProblem(
                409, null, () -> LedgerRules.decide(reversal(settled.key(), LocalDate.of(2025, 6, 1)), ledger, STAMP));
        Entry earlier = store(reversalOf("2025-01-01#x"));
        assertProblem(
                422,
                "reverses",
                () -> LedgerRules.decide(reversal(earlier.key(), LocalDate.of(2025, 6, 1)), ledger, STAMP));
        Entry unsettled = store(new Entry(
                2025,
                "P#p2",
                EntryKind.PLEDGE,
                LocalDate.of(2025, 4, 1),
                500,
                Optional.empty(),
                Optional.of("oak"),
                Optional.of("p2"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                0,
                Optional.empty(),
                3,
                "f",
                STAMP.now()));
        assertProblem(
                400,
                "date",
                () -> LedgerRules.decide(reversal(unsettled.key(), LocalDate.of(2025, 3, 31)), ledger, STAMP));
        var decision = LedgerRules.decide(reversal(unsettled.key(), LocalDate.of(2025, 4, 1)), ledger, STAMP);
        assertEquals(
                4,
                decision.moved().get(0).after().version(),
                "a pledge reversed moves one version on: no payment read before can settle it");
    }

    private static void assertProblem(int status, String field, Runnable decision) {
        ApiProblem problem = assertThrows(ApiProblem.class, decision::run);
        assertEquals(status, problem.status(), problem.detail());
        assertEquals(field, problem.field(), problem.detail());
    }

    private Entry store(Entry entry) {
        return stored(entry);
    }

    private Entry stored(Entry entry) {
        stored.put(entry.year() + "/" + entry.key(), entry);
        return entry;
    }

    private static Entry part(String source, long amount, long settled, Optional<String> purpose) {
        return new Entry(
                2025,
                "P#p1",
                EntryKind.PLEDGE,
                LocalDate.of(2025, 1, 15),
                amount,
                Optional.empty(),
                Optional.of(source),
                Optional.of("p1"),
                purpose,
                Optional.empty(),
                Optional.empty(),
                List.of(),
                settled,
                Optional.empty(),
                1,
                "finance-1",
                STAMP.now());
    }

    private static Entry reversalOf(String key) {
        return new Entry(
                2025,
                "R#" + key,
                EntryKind.REVERSAL,
                LocalDate.of(2025, 5, 1),
                1,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of("typo"),
                List.of(),
                0,
                Optional.of(key),
                1,
                "f",
                STAMP.now());
    }

    private static NewEntry pledge(List<Instalment> instalments) {
        return new NewEntry(
                2025,
                EntryKind.PLEDGE,
                LocalDate.of(2025, 1, 15),
                instalments.stream().mapToLong(Instalment::amount).sum(),
                Optional.empty(),
                Optional.of("oak"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                instalments,
                Optional.empty());
    }

    private static NewEntry payment(String source, long amount, Optional<String> pledgeId, Optional<String> purpose) {
        return new NewEntry(
                2025,
                EntryKind.PAYMENT,
                LocalDate.of(2025, 5, 1),
                amount,
                Optional.empty(),
                Optional.of(source),
                pledgeId,
                purpose,
                Optional.empty(),
                Optional.empty(),
                List.of(),
                Optional.empty());
    }

    private static NewEntry reversal(String key, LocalDate date) {
        return new NewEntry(
                2025,
                EntryKind.REVERSAL,
                date,
                0,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of("why"),
                List.of(),
                Optional.of(key));
    }
}
