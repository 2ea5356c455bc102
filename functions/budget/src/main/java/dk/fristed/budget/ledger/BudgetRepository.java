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
import dk.fristed.storage.ConditionalWrites;
import dk.fristed.storage.IndexQueries;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
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
import java.util.TreeMap;

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
    private final IndexQueries<BudgetItem, BudgetItem> queries;
    private final Clock clock;

    public BudgetRepository(DynamoDbClient dynamo, DynamoDbTable<BudgetItem> table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.queries = new IndexQueries<>(table, item -> item);
        this.clock = clock;
    }

    public record Created<T>(T record, boolean replayed) {
    }

    public Created<BudgetYear> createYear(BudgetYear year, Optional<IdempotencyClaim> claim, IdempotencyStore idempotency) {
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(ConditionalWrites.put(table.tableName(), map(BudgetItem.of(year)), "attribute_not_exists(#k)", "#k", "key"));
        claim.ifPresent(c -> items.add(idempotency.claimItem(c, Integer.toString(year.year()))));
        try {
            dynamo.transactWriteItems(r -> r.transactItems(items));
            return new Created<>(year, false);
        } catch (TransactionCanceledException e) {
            if (claim.isPresent() && Transactions.conditionFailedAt(e, 1)) {
                return new Created<>(year(Integer.parseInt(idempotency.replay(claim.get()))).orElseThrow(), true);
            }
            if (Transactions.conditionFailedAt(e, 0)) {
                throw new ApiProblem(409, "Conflict", "is set up already: /budget/years/" + year.year() + "/progress", "year");
            }
            throw e;
        }
    }

    public Optional<BudgetYear> year(int year) {
        return get(BudgetItem.YEARS, Integer.toString(year)).map(BudgetItem::toYear);
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

    private List<TransactWriteItem> sourceRegistration(Source source, String condition, Optional<IdempotencyClaim> claim,
                                                       IdempotencyStore idempotency) {
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(ConditionalWrites.put(table.tableName(), map(BudgetItem.of(source)), condition, "#k", "key"));
        claim.ifPresent(c -> items.add(idempotency.claimItem(c, source.id())));
        return items;
    }

    public Optional<Source> source(String id) {
        return get(BudgetItem.SOURCES, id).map(BudgetItem::toSource);
    }

    public Page<Source> sources(PageRequest page, Cursor cursor) {
        var request = QueryEnhancedRequest.builder().queryConditional(QueryConditional.keyEqualTo(IndexQueries.key(BudgetItem.SOURCES)));
        return queries.page(null, request, page, cursor, "budget-sources").map(BudgetItem::toSource);
    }

    public List<Source> allSources() {
        return queries.all(null, QueryConditional.keyEqualTo(IndexQueries.key(BudgetItem.SOURCES))).stream()
                .map(BudgetItem::toSource).toList();
    }

    /** Removes a donor's name and contact on request; the amounts in the ledger stay. Erasing twice changes nothing. */
    public void eraseSource(String id) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Source current = source(id).orElseThrow(() -> ApiProblem.notFound("sourceId", "no source has this id"));
            if (current.erasedAt().isPresent() || Transactions.writeUnlessMoved(dynamo, List.of(ConditionalWrites.putAtVersion(
                    table.tableName(), map(BudgetItem.of(current.erased(clock.instant()))), current.version())))) {
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
    public Created<List<Entry>> addEntry(NewEntry entry, Caller caller, Optional<IdempotencyClaim> claim, IdempotencyStore idempotency) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Instant now = clock.instant();
            List<Entry> written = new ArrayList<>();
            List<TransactWriteItem> items = new ArrayList<>();
            items.add(exists(BudgetItem.YEARS, Integer.toString(entry.year())));
            entry.sourceId().ifPresent(id -> items.add(exists(BudgetItem.SOURCES, id)));
            int firstPut = items.size();
            switch (entry.kind()) {
                case PLEDGE -> pledgeParts(entry, caller, now).forEach(part -> {
                    written.add(part);
                    items.add(putNew(part));
                });
                case PAYMENT -> {
                    Optional<Entry> pledge = entry.pledgeId().map(id -> settleable(entry));
                    Entry payment = entry(entry, datedKey(entry), entry.purpose().or(() -> pledge.flatMap(Entry::purpose)), caller, now);
                    written.add(payment);
                    items.add(putNew(payment));
                    pledge.ifPresent(part -> items.add(putOver(part.settledBy(payment.amount()), part.version())));
                }
                case EXPENSE -> {
                    Entry expense = entry(entry, datedKey(entry), entry.purpose(), caller, now);
                    written.add(expense);
                    items.add(putNew(expense));
                }
                case REVERSAL -> {
                    Entry reversed = reversible(entry);
                    Entry reversal = new Entry(entry.year(), Entry.reversalKey(reversed.key()), EntryKind.REVERSAL, entry.date(),
                            reversed.amount(), Optional.empty(), reversed.sourceId(), reversed.pledgeId(), reversed.purpose(),
                            reversed.category(), entry.note(), List.of(), 0, Optional.of(reversed.key()), 1, caller.subject(), now);
                    written.add(reversal);
                    items.add(putNew(reversal));
                    if (reversed.kind() == EntryKind.PAYMENT && reversed.pledgeId().isPresent()) {
                        Entry part = entryAt(entry.year(), Entry.pledgeKey(reversed.pledgeId().get())).orElseThrow();
                        items.add(putOver(part.settledBy(-reversed.amount()), part.version()));
                    } else if (reversed.kind() == EntryKind.PLEDGE) {
                        // one version on: a payment that read the pledge before this reversal cannot settle it after
                        items.add(putOver(reversed.settledBy(0), reversed.version()));
                    }
                }
            }
            claim.ifPresent(c -> items.add(idempotency.claimItem(c, entry.year() + "/" + written.get(0).key())));
            try {
                dynamo.transactWriteItems(r -> r.transactItems(items));
                return new Created<>(written, false);
            } catch (TransactionCanceledException e) {
                if (claim.isPresent() && Transactions.conditionFailedAt(e, items.size() - 1)) {
                    String first = idempotency.replay(claim.get());
                    int slash = first.indexOf('/');
                    Entry earlier = entryAt(Integer.parseInt(first.substring(0, slash)), first.substring(slash + 1)).orElseThrow(
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

    /** Every entry of a year's ledger, in key order: one query, page after page. */
    public List<Entry> ledger(int year) {
        return queries.all(null, QueryConditional.keyEqualTo(IndexQueries.key(BudgetItem.ledger(year)))).stream()
                .map(BudgetItem::toEntry).toList();
    }

    public Page<Entry> ledgerPage(int year, PageRequest page, Cursor cursor) {
        var request = QueryEnhancedRequest.builder().queryConditional(QueryConditional.keyEqualTo(IndexQueries.key(BudgetItem.ledger(year))));
        return queries.page(null, request, page, cursor, "budget-ledger|" + year).map(BudgetItem::toEntry);
    }

    private List<Entry> pledgeParts(NewEntry pledge, Caller caller, Instant now) {
        String pledgeId = RecordIds.random();
        Map<Integer, List<Instalment>> byYear = new TreeMap<>();
        pledge.instalments().forEach(t -> byYear.computeIfAbsent(t.due().getYear(), y -> new ArrayList<>()).add(t));
        List<Entry> parts = new ArrayList<>();
        byYear.forEach((year, instalments) -> parts.add(new Entry(year, Entry.pledgeKey(pledgeId), EntryKind.PLEDGE, pledge.date(),
                instalments.stream().mapToLong(Instalment::amount).reduce(0, Math::addExact), Optional.empty(), pledge.sourceId(),
                Optional.of(pledgeId), pledge.purpose(), Optional.empty(), pledge.note(), List.copyOf(instalments), 0,
                Optional.empty(), 1, caller.subject(), now)));
        return parts;
    }

    /** The pledge part of the payment's year it settles: the same source, enough left, the same purpose. */
    private Entry settleable(NewEntry payment) {
        Entry part = entryAt(payment.year(), Entry.pledgeKey(payment.pledgeId().get()))
                .orElseThrow(() -> ApiProblem.unprocessable("pledgeId", "names no pledge with instalments in this year"));
        if (!part.sourceId().equals(payment.sourceId())) {
            throw ApiProblem.unprocessable("pledgeId", "is a pledge of another source");
        }
        if (entryAt(payment.year(), Entry.reversalKey(part.key())).isPresent()) {
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

    private Entry reversible(NewEntry reversal) {
        String key = reversal.reverses().get();
        Entry reversed = entryAt(reversal.year(), key).orElseThrow(() -> ApiProblem.notFound("reverses", "no entry of this year has this key"));
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


    private static Entry entry(NewEntry e, String key, Optional<String> purpose, Caller caller, Instant now) {
        return new Entry(e.year(), key, e.kind(), e.date(), e.amount(), e.original(), e.sourceId(), e.pledgeId(), purpose, e.category(),
                e.note(), List.of(), 0, Optional.empty(), 1, caller.subject(), now);
    }

    private static String datedKey(NewEntry entry) {
        return entry.date() + "#" + RecordIds.random();
    }

    private Optional<Entry> entryAt(int year, String key) {
        return get(BudgetItem.ledger(year), key).map(BudgetItem::toEntry);
    }

    private Optional<BudgetItem> get(String scope, String key) {
        return Optional.ofNullable(table.getItem(GetItemEnhancedRequest.builder().key(IndexQueries.key(scope, key)).consistentRead(true).build()));
    }

    /** A condition in the entry's transaction that a year is set up, or a source registered; it reads nothing. */
    private TransactWriteItem exists(String scope, String key) {
        return TransactWriteItem.builder().conditionCheck(c -> c.tableName(table.tableName())
                .key(Map.of("scope", AttributeValue.fromS(scope), "key", AttributeValue.fromS(key)))
                .conditionExpression("attribute_exists(#k)").expressionAttributeNames(Map.of("#k", "key"))).build();
    }

    private TransactWriteItem putNew(Entry entry) {
        return ConditionalWrites.put(table.tableName(), map(BudgetItem.of(entry)), "attribute_not_exists(#k)", "#k", "key");
    }

    private TransactWriteItem putOver(Entry entry, long version) {
        return ConditionalWrites.putAtVersion(table.tableName(), map(BudgetItem.of(entry)), version);
    }

    private static Map<String, AttributeValue> map(BudgetItem item) {
        return BudgetItem.SCHEMA.itemToMap(item, true);
    }
}
