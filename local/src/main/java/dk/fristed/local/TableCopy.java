package dk.fristed.local;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A table's items copied as they are stored: encrypted fields stay ciphertext, signed for the same
 * logical table, so the functions read them in the copy as in the original. Where DynamoDB Local has no
 * point-in-time restore, a copy into a new table stands in for it; and after any restore, the items a
 * live table lost are put back from the restored one, never over an item the live table has.
 */
final class TableCopy {
    /** DynamoDB's limit of items in one BatchWriteItem. */
    private static final int BATCH = 25;

    private TableCopy() {}

    /** A new, empty table with {@code source}'s keys and indexes, on demand; returns when it is active. */
    static void createLike(DynamoDbClient dynamo, String source, String target) {
        TableDescription table = dynamo.describeTable(r -> r.tableName(source)).table();
        List<GlobalSecondaryIndex> indexes = table.globalSecondaryIndexes().stream()
                .map(index -> GlobalSecondaryIndex.builder()
                        .indexName(index.indexName())
                        .keySchema(index.keySchema())
                        .projection(index.projection())
                        .build())
                .toList();
        dynamo.createTable(r -> {
            r.tableName(target)
                    .keySchema(table.keySchema())
                    .attributeDefinitions(table.attributeDefinitions())
                    .billingMode(BillingMode.PAY_PER_REQUEST);
            if (!indexes.isEmpty()) {
                r.globalSecondaryIndexes(indexes);
            }
        });
        dynamo.waiter().waitUntilTableExists(r -> r.tableName(target));
    }

    /** Every item of {@code source} into {@code target}, a page at a time; returns how many. */
    static long copyAll(DynamoDbClient dynamo, String source, String target) {
        long copied = 0;
        for (var page : dynamo.scanPaginator(r -> r.tableName(source).consistentRead(true))) {
            List<Map<String, AttributeValue>> items = page.items();
            for (int from = 0; from < items.size(); from += BATCH) {
                List<WriteRequest> writes = new ArrayList<>();
                items.subList(from, Math.min(items.size(), from + BATCH))
                        .forEach(item -> writes.add(WriteRequest.builder()
                                .putRequest(PutRequest.builder().item(item).build())
                                .build()));
                Map<String, List<WriteRequest>> pending = Map.of(target, writes);
                while (!pending.isEmpty()) {
                    Map<String, List<WriteRequest>> batch = pending;
                    var unprocessed =
                            dynamo.batchWriteItem(r -> r.requestItems(batch)).unprocessedItems();
                    pending = unprocessed == null ? Map.of() : unprocessed;
                }
            }
            copied += items.size();
        }
        return copied;
    }

    /**
     * The items of {@code from} that {@code into} does not have, each put under the condition that its
     * key is still free: what was written after the loss stays as it is. Returns how many it put back.
     */
    static long copyMissing(DynamoDbClient dynamo, String from, String into) {
        String hashKey = dynamo.describeTable(r -> r.tableName(into)).table().keySchema().stream()
                .filter(key -> key.keyType() == KeyType.HASH)
                .findFirst()
                .orElseThrow()
                .attributeName();
        long putBack = 0;
        for (var page : dynamo.scanPaginator(r -> r.tableName(from).consistentRead(true))) {
            for (Map<String, AttributeValue> item : page.items()) {
                try {
                    dynamo.putItem(r -> r.tableName(into)
                            .item(item)
                            .conditionExpression("attribute_not_exists(#k)")
                            .expressionAttributeNames(Map.of("#k", hashKey)));
                    putBack++;
                } catch (ConditionalCheckFailedException present) {
                    // the live table has it, perhaps changed since: the live item stays
                }
            }
        }
        return putBack;
    }
}
