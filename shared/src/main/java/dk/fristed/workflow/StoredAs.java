package dk.fristed.workflow;

import dk.fristed.storage.IndexQueries;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** How values of one type are kept in one table: the table, and the mapping to its items and back. */
public final class StoredAs<T, I> {
    private final DynamoDbTable<I> table;
    private final Function<T, I> toItem;
    private final Function<I, T> fromItem;

    public StoredAs(DynamoDbTable<I> table, Function<T, I> toItem, Function<I, T> fromItem) {
        this.table = table;
        this.toItem = toItem;
        this.fromItem = fromItem;
    }

    public String tableName() {
        return table.tableName();
    }

    /** The item as a low-level put writes it (the encryption interceptor sees the whole item). */
    public Map<String, AttributeValue> item(T value) {
        return table.tableSchema().itemToMap(toItem.apply(value), true);
    }

    /** The value under a partition key, read strongly consistent. */
    public Optional<T> get(String key) {
        I item = table.getItem(GetItemEnhancedRequest.builder()
                .key(IndexQueries.key(key))
                .consistentRead(true)
                .build());
        return Optional.ofNullable(item).map(fromItem);
    }

    /** Every value under a partition key, in sort key order, read strongly consistent. */
    public List<T> under(String key) {
        var request = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.keyEqualTo(IndexQueries.key(key)))
                .consistentRead(true)
                .build();
        return table.query(request).items().stream().map(fromItem).toList();
    }

    public IndexQueries<I, T> indexes() {
        return new IndexQueries<>(table, fromItem);
    }
}
