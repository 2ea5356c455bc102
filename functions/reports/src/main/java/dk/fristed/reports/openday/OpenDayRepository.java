package dk.fristed.reports.openday;

import dk.fristed.calendar.Period;
import dk.fristed.paging.Cursor;
import dk.fristed.paging.Page;
import dk.fristed.paging.PageRequest;
import dk.fristed.problem.ApiProblem;
import dk.fristed.storage.IndexQueries;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.model.DeleteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The sites' open days in OpenDaysTable: one item per site and date, each write conditional on what was read. */
public final class OpenDayRepository {
    private final DynamoDbTable<OpenDayItem> table;
    private final IndexQueries<OpenDayItem, OpenDay> queries;

    public OpenDayRepository(DynamoDbTable<OpenDayItem> table) {
        this.table = table;
        this.queries = new IndexQueries<>(table, OpenDayItem::toOpenDay);
    }

    public Optional<OpenDay> find(String site, LocalDate date) {
        OpenDayItem item = table.getItem(
                r -> r.key(IndexQueries.key(site, date.toString())).consistentRead(true));
        return Optional.ofNullable(item).map(OpenDayItem::toOpenDay);
    }

    /** Records a day not recorded before; 409 if another request recorded it in the meantime. */
    public void create(OpenDay day) {
        put(
                day,
                Expression.builder()
                        .expression("attribute_not_exists(#date)")
                        .putExpressionName("#date", "date")
                        .build(),
                ApiProblem.conflict(
                        "the day was recorded meanwhile; read it and send its ETag in If-Match to change it"));
    }

    /** Puts the day over the version {@code expectedVersion}; 412 if it moved. */
    public void replace(OpenDay day, long expectedVersion) {
        put(day, atVersion(expectedVersion), ApiProblem.preconditionFailed("the day changed since it was read"));
    }

    /** Deletes a day recorded by mistake, at the version read; 412 if it moved. */
    public void delete(OpenDay day, long expectedVersion) {
        try {
            table.deleteItem(DeleteItemEnhancedRequest.builder()
                    .key(IndexQueries.key(day.site(), day.date().toString()))
                    .conditionExpression(atVersion(expectedVersion))
                    .build());
        } catch (ConditionalCheckFailedException e) {
            throw ApiProblem.preconditionFailed("the day changed since it was read");
        }
    }

    /** A site's open days in the period, by date: one query on the table's key. */
    public Page<OpenDay> atSite(String site, Period period, PageRequest page, Cursor cursor) {
        var request = QueryEnhancedRequest.builder().queryConditional(IndexQueries.datedIn(site, period));
        return queries.page(null, request, page, cursor, "open-days|" + site + "|" + period.from() + "|" + period.to());
    }

    /** Every open day of a site in the period, for the reports. */
    public List<OpenDay> allAtSite(String site, Period period) {
        return queries.all(null, IndexQueries.datedIn(site, period));
    }

    private void put(OpenDay day, Expression condition, ApiProblem whenRefused) {
        try {
            table.putItem(PutItemEnhancedRequest.builder(OpenDayItem.class)
                    .item(OpenDayItem.of(day))
                    .conditionExpression(condition)
                    .build());
        } catch (ConditionalCheckFailedException e) {
            throw whenRefused;
        }
    }

    private static Expression atVersion(long version) {
        return Expression.builder()
                .expression("#version = :version")
                .putExpressionName("#version", "version")
                .putExpressionValue(":version", AttributeValue.fromN(Long.toString(version)))
                .build();
    }
}
