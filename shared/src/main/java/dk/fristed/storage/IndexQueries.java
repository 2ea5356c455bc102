package dk.fristed.storage;

import dk.fristed.calendar.Period;
import dk.fristed.paging.Cursor;
import dk.fristed.paging.Page;
import dk.fristed.paging.PageRequest;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;

import java.util.List;
import java.util.function.Function;

/**
 * Queries on a table's indexes (or, with a null index, on the table's own key), answered as records: one page for a list route (its cursor signed for
 * that one query), or every item a condition matches for counts, totals and scheduled runs. Never a Scan.
 */
public final class IndexQueries<I, T> {
    private final DynamoDbTable<I> table;
    private final Function<I, T> toRecord;

    public IndexQueries(DynamoDbTable<I> table, Function<I, T> toRecord) {
        this.table = table;
        this.toRecord = toRecord;
    }

    /** One page of {@code index} (null: the table itself), from where the client's cursor (signed for {@code scope}) left off. */
    public Page<T> page(
            String index, QueryEnhancedRequest.Builder request, PageRequest page, Cursor cursor, String scope) {
        page.cursor().ifPresent(c -> request.exclusiveStartKey(cursor.decode(c, scope)));
        var built = request.limit(page.limit()).build();
        var result = index == null
                ? table.query(built).iterator().next()
                : table.index(index).query(built).iterator().next();
        return new Page<>(
                result.items().stream().map(toRecord).toList(), cursor.after(result.lastEvaluatedKey(), scope));
    }

    /**
     * Every item of {@code index} that {@code condition} matches, page after page. On the table itself
     * (null index) the read is strongly consistent: what was just written is counted (an index cannot be).
     */
    public List<T> all(String index, QueryConditional condition) {
        var request = QueryEnhancedRequest.builder()
                .queryConditional(condition)
                .consistentRead(index == null)
                .build();
        var pages = index == null ? table.query(request).stream() : table.index(index).query(request).stream();
        return pages.flatMap(p -> p.items().stream()).map(toRecord).toList();
    }

    /**
     * The items of {@code partition} whose sort key ({@code date#id}) falls in the period: '~' sorts after
     * '#', so the upper bound takes in every item on the period's last day.
     */
    public static QueryConditional datedIn(String partition, Period period) {
        return QueryConditional.sortBetween(
                key(partition, period.from().toString()), key(partition, period.to() + "~"));
    }

    public static Key key(String partition) {
        return Key.builder().partitionValue(partition).build();
    }

    public static Key key(String partition, String sort) {
        return Key.builder().partitionValue(partition).sortValue(sort).build();
    }
}
