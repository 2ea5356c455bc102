package dk.fristed.storage;

import dk.fristed.aws.Transactions;
import dk.fristed.helpnumber.HelpNumber;
import dk.fristed.problem.ApiProblem;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A new record's links to the patient's other records: a visit it came from, a referral it belongs to.
 * Each must exist and be the same patient's (a typo that ties one patient's records to another's is a
 * real harm on health records), else 422 naming the field. Checked twice: before the transaction, so
 * the answer names the field, and in it, as a condition, so a visit moved or a referral unlinked at that
 * moment cannot slip through. Reads keys only: no visit or referral content leaves its table.
 */
public final class PatientLinks {
    private final DynamoDbClient dynamo;
    private final String visitsTable;
    private final String referralsTable;

    /** @param referralsTable null where no record links to a referral */
    public PatientLinks(DynamoDbClient dynamo, String visitsTable, String referralsTable) {
        this.dynamo = dynamo;
        this.visitsTable = visitsTable;
        this.referralsTable = referralsTable;
    }

    /** A condition a creating transaction carries, and the field to name when it fails. */
    public record Check(String field, String what, TransactWriteItem item) {}

    /** In a cancelled transaction whose link conditions start at {@code first}: the 422 of the link that failed, if one did. */
    public static void refuseIfFailed(List<Check> checks, int first, TransactionCanceledException e) {
        for (int i = 0; i < checks.size(); i++) {
            if (Transactions.conditionFailedAt(e, first + i)) {
                throw notTheirs(checks.get(i).field(), checks.get(i).what());
            }
        }
    }

    public List<Check> of(HelpNumber patient, Optional<String> visitId, Optional<String> referralId) {
        List<Check> checks = new ArrayList<>();
        visitId.ifPresent(id -> checks.add(visit(patient, id)));
        referralId.ifPresent(id -> checks.add(referral(patient, id)));
        return checks;
    }

    /** The visit's key among the patient's own visits (one query on their partition, keys only). */
    private Check visit(HelpNumber patient, String visitId) {
        Map<String, AttributeValue> start = null;
        do {
            var page = dynamo.query(QueryRequest.builder()
                    .tableName(visitsTable)
                    .consistentRead(true)
                    .keyConditionExpression("helpNumber = :h")
                    .expressionAttributeValues(Map.of(":h", AttributeValue.fromS(patient.value())))
                    .projectionExpression("visitKey")
                    .exclusiveStartKey(start)
                    .build());
            for (Map<String, AttributeValue> key : page.items()) {
                String visitKey = key.get("visitKey").s();
                if (visitKey.endsWith("#" + visitId)) {
                    return new Check(
                            "visitId",
                            "visit",
                            condition(
                                    visitsTable,
                                    Map.of(
                                            "helpNumber",
                                            AttributeValue.fromS(patient.value()),
                                            "visitKey",
                                            AttributeValue.fromS(visitKey)),
                                    "attribute_exists(visitKey)",
                                    Map.of()));
                }
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        throw notTheirs("visitId", "visit");
    }

    private Check referral(HelpNumber patient, String referralId) {
        Check check = new Check(
                "referralId",
                "referral",
                condition(
                        referralsTable,
                        Map.of("referralId", AttributeValue.fromS(referralId)),
                        "helpNumber = :h",
                        Map.of(":h", AttributeValue.fromS(patient.value()))));
        var found = dynamo.getItem(r -> r.tableName(referralsTable)
                        .key(Map.of("referralId", AttributeValue.fromS(referralId)))
                        .projectionExpression("helpNumber")
                        .consistentRead(true))
                .item();
        if (found == null
                || !found.containsKey("helpNumber")
                || !found.get("helpNumber").s().equals(patient.value())) {
            throw notTheirs("referralId", "referral");
        }
        return check;
    }

    private static TransactWriteItem condition(
            String table, Map<String, AttributeValue> key, String expression, Map<String, AttributeValue> values) {
        var check = ConditionCheck.builder().tableName(table).key(key).conditionExpression(expression);
        if (!values.isEmpty()) {
            check.expressionAttributeValues(values);
        }
        return TransactWriteItem.builder().conditionCheck(check.build()).build();
    }

    /** The same answer whether the record does not exist or is another patient's: nothing is told about others. */
    public static ApiProblem notTheirs(String field, String what) {
        return ApiProblem.unprocessable(field, "names no " + what + " of this patient");
    }
}
