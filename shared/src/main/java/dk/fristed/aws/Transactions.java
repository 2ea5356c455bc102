package dk.fristed.aws;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.util.List;
import java.util.function.Supplier;

/** Reading why DynamoDB cancelled a transaction: the reasons come in the order of its items. */
public final class Transactions {
    private Transactions() {}

    public static boolean conditionFailedAt(TransactionCanceledException e, int itemIndex) {
        List<CancellationReason> reasons = e.cancellationReasons();
        return reasons != null
                && reasons.size() > itemIndex
                && "ConditionalCheckFailed".equals(reasons.get(itemIndex).code());
    }

    /**
     * Writes what {@code fromFreshRead} makes of the record as it is now (its first item the record put
     * under its version), again while another writer got there first: a conflict, or the record moved.
     * An empty list means there is nothing left to write. True if it wrote; an exception after
     * {@code attempts}, for the caller's retry (a stream delivery comes again).
     */
    public static boolean writeFromFreshRead(
            DynamoDbClient dynamo, int attempts, Supplier<List<TransactWriteItem>> fromFreshRead) {
        for (int attempt = 0; attempt < attempts; attempt++) {
            List<TransactWriteItem> items = fromFreshRead.get();
            if (items.isEmpty()) {
                return false;
            }
            if (writeUnlessMoved(dynamo, items)) {
                return true;
            }
        }
        throw new IllegalStateException("a record kept changing while it was written; retry");
    }

    /**
     * Writes the items, unless the record of the first one moved since it was read (its condition
     * failed) or another writer touched them at the same moment: then nothing is written and the answer
     * is false. Any other cancellation is thrown.
     */
    public static boolean writeUnlessMoved(DynamoDbClient dynamo, List<TransactWriteItem> items) {
        try {
            dynamo.transactWriteItems(r -> r.transactItems(items));
            return true;
        } catch (TransactionCanceledException e) {
            if (conditionFailedAt(e, 0) || conflicted(e)) {
                return false;
            }
            throw e;
        }
    }

    /**
     * One step of a record at the version it was read: writes the items (the record put over its version
     * first, its history entry second) and answers true; false when another writer touched them at the
     * same moment, so the caller reads again; {@code stale} when either condition failed, because another
     * step took that version first. Any other cancellation is thrown.
     */
    public static boolean writeStep(
            DynamoDbClient dynamo, List<TransactWriteItem> items, Supplier<RuntimeException> stale) {
        try {
            dynamo.transactWriteItems(r -> r.transactItems(items));
            return true;
        } catch (TransactionCanceledException e) {
            if (conditionFailedAt(e, 0) || conditionFailedAt(e, 1)) {
                throw stale.get();
            }
            if (!conflicted(e)) {
                throw e;
            }
            return false;
        }
    }

    /**
     * For SnapStart priming: sends a creating transaction whose condition cannot hold, so that mapping,
     * encryption, the request and its cancellation all run and DynamoDB writes nothing. Throws if it did.
     */
    public static void rehearse(DynamoDbClient dynamo, List<TransactWriteItem> items) {
        try {
            dynamo.transactWriteItems(r -> r.transactItems(items));
        } catch (TransactionCanceledException expected) {
            return; // what a taken id looks like: nothing was written
        }
        throw new IllegalStateException("a rehearsal wrote a record");
    }

    /**
     * Writes the items unless any of their conditions failed (a record read for them changed) or another
     * writer touched them at the same moment: then nothing is written, the answer is false and the
     * caller reads again. Any other cancellation is thrown.
     */
    public static boolean writeIfUnchanged(DynamoDbClient dynamo, List<TransactWriteItem> items) {
        try {
            dynamo.transactWriteItems(r -> r.transactItems(items));
            return true;
        } catch (TransactionCanceledException e) {
            if (anyConditionFailed(e) || conflicted(e)) {
                return false;
            }
            throw e;
        }
    }

    /** True when one of the items' conditions failed: a record read for the transaction changed. */
    public static boolean anyConditionFailed(TransactionCanceledException e) {
        return e.cancellationReasons() != null
                && e.cancellationReasons().stream().anyMatch(reason -> "ConditionalCheckFailed".equals(reason.code()));
    }

    /** True when another transaction touched the same items at the same moment: safe to retry. */
    public static boolean conflicted(TransactionCanceledException e) {
        return e.cancellationReasons() != null
                && e.cancellationReasons().stream().anyMatch(reason -> "TransactionConflict".equals(reason.code()));
    }
}
