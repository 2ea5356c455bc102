package dk.fristed.storage;

import dk.fristed.helpnumber.HelpNumber;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.util.Map;

/**
 * The transaction items every function's writes are made of. Client-side encryption signs whole items,
 * so a change is a whole item put under a condition: that it is new, or still at the version read.
 */
public final class ConditionalWrites {
    private ConditionalWrites() {}

    public static TransactWriteItem put(String table, Map<String, AttributeValue> item, String condition) {
        return TransactWriteItem.builder()
                .put(Put.builder()
                        .tableName(table)
                        .item(item)
                        .conditionExpression(condition)
                        .build())
                .build();
    }

    /** {@link #put} with a condition that names an attribute by a placeholder ({@code key} is a reserved word). */
    public static TransactWriteItem put(
            String table, Map<String, AttributeValue> item, String condition, String placeholder, String attribute) {
        return TransactWriteItem.builder()
                .put(Put.builder()
                        .tableName(table)
                        .item(item)
                        .conditionExpression(condition)
                        .expressionAttributeNames(Map.of(placeholder, attribute))
                        .build())
                .build();
    }

    /** The item put whole if the stored one is at {@code version} and {@code condition} holds (it names :version). */
    public static TransactWriteItem putIf(
            String table, Map<String, AttributeValue> item, String condition, long version) {
        return TransactWriteItem.builder()
                .put(Put.builder()
                        .tableName(table)
                        .item(item)
                        .conditionExpression(condition)
                        .expressionAttributeValues(Map.of(":version", AttributeValue.fromN(Long.toString(version))))
                        .build())
                .build();
    }

    /** The item put whole over the stored one at {@code expectedVersion}: what optimistic locking is here. */
    public static TransactWriteItem putAtVersion(String table, Map<String, AttributeValue> item, long expectedVersion) {
        return putIf(table, item, "version = :version", expectedVersion);
    }

    /**
     * A condition in a transaction that the patient exists, is not erased and was not merged into another
     * record (whose help number is the one to use); it reads nothing of theirs.
     */
    public static TransactWriteItem patientIsActive(String patientsTable, HelpNumber helpNumber) {
        return TransactWriteItem.builder()
                .conditionCheck(ConditionCheck.builder()
                        .tableName(patientsTable)
                        .key(Map.of("helpNumber", AttributeValue.fromS(helpNumber.value())))
                        .conditionExpression(
                                "attribute_exists(helpNumber) AND attribute_not_exists(erasedAt) AND attribute_not_exists(mergedInto)")
                        .build())
                .build();
    }
}
