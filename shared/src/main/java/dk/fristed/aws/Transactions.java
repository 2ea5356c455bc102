package dk.fristed.aws;

import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.util.List;

/** Reading why DynamoDB cancelled a transaction: the reasons come in the order of its items. */
public final class Transactions {
    private Transactions() {
    }

    public static boolean conditionFailedAt(TransactionCanceledException e, int itemIndex) {
        List<CancellationReason> reasons = e.cancellationReasons();
        return reasons != null && reasons.size() > itemIndex
                && "ConditionalCheckFailed".equals(reasons.get(itemIndex).code());
    }

    /** True when another transaction touched the same items at the same moment: safe to retry. */
    public static boolean conflicted(TransactionCanceledException e) {
        return e.cancellationReasons() != null && e.cancellationReasons().stream()
                .anyMatch(reason -> "TransactionConflict".equals(reason.code()));
    }
}
