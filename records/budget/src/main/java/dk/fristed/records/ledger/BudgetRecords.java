package dk.fristed.records.ledger;

import dk.fristed.paging.Cursor;
import dk.fristed.paging.Page;
import dk.fristed.paging.PageRequest;
import dk.fristed.storage.IndexQueries;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;

import java.util.List;
import java.util.Optional;

/**
 * The budget's stored years, sources and ledgers as they are read: by the budget function (through its
 * repository) and by the reports, through this one class. Every read is a key lookup or a query.
 */
public final class BudgetRecords {
    private final DynamoDbTable<BudgetItem> table;
    private final IndexQueries<BudgetItem, BudgetItem> queries;

    public BudgetRecords(DynamoDbTable<BudgetItem> table) {
        this.table = table;
        this.queries = new IndexQueries<>(table, item -> item);
    }

    public Optional<BudgetYear> year(int year) {
        return get(BudgetItem.YEARS, Integer.toString(year)).map(BudgetItem::toYear);
    }

    public Optional<Source> source(String id) {
        return get(BudgetItem.SOURCES, id).map(BudgetItem::toSource);
    }

    public Page<Source> sources(PageRequest page, Cursor cursor) {
        var request = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.keyEqualTo(IndexQueries.key(BudgetItem.SOURCES)));
        return queries.page(null, request, page, cursor, "budget-sources").map(BudgetItem::toSource);
    }

    public List<Source> allSources() {
        return queries.all(null, QueryConditional.keyEqualTo(IndexQueries.key(BudgetItem.SOURCES))).stream()
                .map(BudgetItem::toSource)
                .toList();
    }

    /** Every entry of a year's ledger, in key order: one query, page after page. */
    public List<Entry> ledger(int year) {
        return queries.all(null, QueryConditional.keyEqualTo(IndexQueries.key(BudgetItem.ledger(year)))).stream()
                .map(BudgetItem::toEntry)
                .toList();
    }

    public Page<Entry> ledgerPage(int year, PageRequest page, Cursor cursor) {
        var request = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.keyEqualTo(IndexQueries.key(BudgetItem.ledger(year))));
        return queries.page(null, request, page, cursor, "budget-ledger|" + year)
                .map(BudgetItem::toEntry);
    }

    /** One record by its key, read consistently: what a change is decided on. */
    public Optional<BudgetItem> get(String scope, String key) {
        return Optional.ofNullable(table.getItem(GetItemEnhancedRequest.builder()
                .key(IndexQueries.key(scope, key))
                .consistentRead(true)
                .build()));
    }
}
