package dk.fristed.budget.ledger;

import dk.fristed.auth.Caller;
import dk.fristed.aws.Transactions;
import dk.fristed.idempotency.IdempotencyClaim;
import dk.fristed.idempotency.IdempotencyStore;
import dk.fristed.ids.RecordIds;
import dk.fristed.paging.Cursor;
import dk.fristed.paging.Page;
import dk.fristed.paging.PageRequest;
import dk.fristed.problem.ApiProblem;
import dk.fristed.records.ledger.BudgetItem;
import dk.fristed.records.ledger.BudgetRecords;
import dk.fristed.records.ledger.BudgetYear;
import dk.fristed.records.ledger.Entry;
import dk.fristed.records.ledger.EntryKind;
import dk.fristed.records.ledger.Source;
import dk.fristed.storage.ConditionalWrites;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The budget's years, sources and ledgers in DynamoDB. Nothing here adds to a stored sum: every figure
 * is computed from the ledger's entries, each written once under a key condition, so payments posted
 * at the same moment all count, each once. The one stored running value, what a pledge part has had
 * settled, moves only under its version, in the transaction of the payment (or reversal) that moves it.
 */
public final class BudgetRepository {
    private static final int ATTEMPTS = 8;

    private final DynamoDbClient dynamo;
    private final DynamoDbTable<BudgetItem> table;
    private final BudgetRecords records;
    private final Clock clock;

    public BudgetRepository(DynamoDbClient dynamo, DynamoDbTable<BudgetItem> table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.records = new BudgetRecords(table);
        this.clock = clock;
    }

    public record Created<T>(T record, boolean replayed) {}

    public Created<BudgetYear> createYear(
            BudgetYear year, Optional<IdempotencyClaim> claim, IdempotencyStore idempotency) {
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(ConditionalWrites.put(
                table.tableName(), map(BudgetItem.of(year)), "attribute_not_exists(#k)", "#k", "key"));
        claim.ifPresent(c -> items.add(idempotency.claimItem(c, Integer.toString(year.year()))));
        try {
            dynamo.transactWriteItems(r -> r.transactItems(items));
            return new Created<>(year, false);
        } catch (TransactionCanceledException e) {
            if (claim.isPresent() && Transactions.conditionFailedAt(e, 1)) {
                return new Created<>(
                        year(Integer.parseInt(idempotency.replay(claim.get()))).orElseThrow(), true);
            }
            if (Transactions.conditionFailedAt(e, 0)) {
                throw new ApiProblem(
                        409, "Conflict", "is set up already: /budget/years/" + year.year() + "/progress", "year");
            }
            throw e;
        }
    }

    public Optional<BudgetYear> year(int year) {
        return records.year(year);
    }

    public Created<Source> createSource(Source source, Optional<IdempotencyClaim> claim, IdempotencyStore idempotency) {
        List<TransactWriteItem> items = sourceRegistration(source, "attribute_not_exists(#k)", claim, idempotency);
        try {
            dynamo.transactWriteItems(r -> r.transactItems(items));
            return new Created<>(source, false);
        } catch (TransactionCanceledException e) {
            if (claim.isPresent() && Transactions.conditionFailedAt(e, 1)) {
                return new Created<>(source(idempotency.replay(claim.get())).orElseThrow(), true);
            }
            throw e;
        }
    }

    /**
     * For SnapStart priming: {@link #createSource}'s whole write path (mapping, encryption, the claim,
     * the transaction and its cancellation) under a condition that cannot hold: nothing is written.
     */
    public Source rehearseSource(Source nobody, Optional<IdempotencyClaim> claim, IdempotencyStore idempotency) {
        var items = sourceRegistration(nobody, "attribute_exists(#k) AND attribute_not_exists(#k)", claim, idempotency);
        Transactions.rehearse(dynamo, items);
        return nobody;
    }

    private List<TransactWriteItem> sourceRegistration(
            Source source, String condition, Optional<IdempotencyClaim> claim, IdempotencyStore idempotency) {
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(ConditionalWrites.put(table.tableName(), map(BudgetItem.of(source)), condition, "#k", "key"));
        claim.ifPresent(c -> items.add(idempotency.claimItem(c, source.id())));
        return items;
    }

    public Optional<Source> source(String id) {
        return records.source(id);
    }

    public Page<Source> sources(PageRequest page, Cursor cursor) {
        return records.sources(page, cursor);
    }

    public List<Source> allSources() {
        return records.allSources();
    }

    /** Removes a donor's name and contact on request; the amounts in the ledger stay. Erasing twice changes nothing. */
    public void eraseSource(String id) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Source current = source(id).orElseThrow(() -> ApiProblem.notFound("sourceId", "no source has this id"));
            if (current.erasedAt().isPresent()
                    || Transactions.writeUnlessMoved(
                            dynamo,
                            List.of(ConditionalWrites.putAtVersion(
                                    table.tableName(),
                                    map(BudgetItem.of(current.erased(clock.instant()))),
                                    current.version())))) {
                return;
            }
        }
        throw ApiProblem.conflict("the source kept changing while it was erased; retry");
    }

    /**
     * Writes the entry (a pledge as one part per year its instalments fall in), with what it moves: a
     * payment that settles a pledge moves that year's part, a reversal undoes its entry's settlement.
     * Retried while another payment on the same pledge commits first; the claim makes a retried request
     * count once.
     */
    public Created<List<Entry>> addEntry(
            NewEntry entry, Caller caller, Optional<IdempotencyClaim> claim, IdempotencyStore idempotency) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Instant now = clock.instant();
            List<TransactWriteItem> items = new ArrayList<>();
            items.add(exists(BudgetItem.YEARS, Integer.toString(entry.year())));
            entry.sourceId().ifPresent(id -> items.add(exists(BudgetItem.SOURCES, id)));
            int firstPut = items.size();
            var decision = LedgerRules.decide(
                    entry, this::entryAt, new LedgerRules.Stamp(RecordIds.random(), caller.subject(), now));
            List<Entry> written = decision.written();
            written.forEach(e -> items.add(putNew(e)));
            decision.moved().forEach(m -> items.add(putOver(m.after(), m.versionRead())));
            claim.ifPresent(c -> items.add(
                    idempotency.claimItem(c, entry.year() + "/" + written.get(0).key())));
            try {
                dynamo.transactWriteItems(r -> r.transactItems(items));
                return new Created<>(written, false);
            } catch (TransactionCanceledException e) {
                if (claim.isPresent() && Transactions.conditionFailedAt(e, items.size() - 1)) {
                    String first = idempotency.replay(claim.get());
                    int slash = first.indexOf('/');
                    Entry earlier = entryAt(Integer.parseInt(first.substring(0, slash)), first.substring(slash + 1))
                            .orElseThrow(
                                    () -> ApiProblem.conflict("the entry this request wrote earlier no longer exists"));
                    return new Created<>(List.of(earlier), true);
                }
                if (Transactions.conditionFailedAt(e, 0)) {
                    throw ApiProblem.notFound("year", "no budget is set up for this year: POST /budget/years first");
                }
                if (entry.sourceId().isPresent() && Transactions.conditionFailedAt(e, 1)) {
                    throw ApiProblem.notFound("sourceId", "no source has this id");
                }
                if (entry.kind() == EntryKind.REVERSAL && Transactions.conditionFailedAt(e, firstPut)) {
                    throw ApiProblem.conflict("this entry was reversed already");
                }
                if (!Transactions.conflicted(e) && !Transactions.conditionFailedAt(e, firstPut + 1)) {
                    throw e; // firstPut + 1: the pledge part a payment settles moved meanwhile
                }
                // another payment on the same pledge, or the same moment: read again
            }
        }
        throw ApiProblem.conflict("the pledge kept changing while the payment was saved; retry");
    }

    public List<Entry> ledger(int year) {
        return records.ledger(year);
    }

    public Page<Entry> ledgerPage(int year, PageRequest page, Cursor cursor) {
        return records.ledgerPage(year, page, cursor);
    }

    private Optional<Entry> entryAt(int year, String key) {
        return records.get(BudgetItem.ledger(year), key).map(BudgetItem::toEntry);
    }

    /** A condition in the entry's transaction that a year is set up, or a source registered; it reads nothing. */
    private TransactWriteItem exists(String scope, String key) {
        return TransactWriteItem.builder()
                .conditionCheck(c -> c.tableName(table.tableName())
                        .key(Map.of("scope", AttributeValue.fromS(scope), "key", AttributeValue.fromS(key)))
                        .conditionExpression("attribute_exists(#k)")
                        .expressionAttributeNames(Map.of("#k", "key")))
                .build();
    }

    private TransactWriteItem putNew(Entry entry) {
        return ConditionalWrites.put(
                table.tableName(), map(BudgetItem.of(entry)), "attribute_not_exists(#k)", "#k", "key");
    }

    private TransactWriteItem putOver(Entry entry, long version) {
        return ConditionalWrites.putAtVersion(table.tableName(), map(BudgetItem.of(entry)), version);
    }

    private static Map<String, AttributeValue> map(BudgetItem item) {
        return BudgetItem.SCHEMA.itemToMap(item, true);
    }
}
