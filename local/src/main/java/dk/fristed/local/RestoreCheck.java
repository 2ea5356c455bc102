package dk.fristed.local;

import dk.fristed.aws.AwsClients;
import dk.fristed.config.Environment;
import dk.fristed.encryption.EncryptedTable;
import dk.fristed.encryption.FieldEncryption;
import dk.fristed.records.invoice.InvoiceItem;
import dk.fristed.records.ledger.BudgetItem;
import dk.fristed.records.patient.PatientItem;
import dk.fristed.records.referral.ReferralItem;
import dk.fristed.records.visit.VisitItem;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Select;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What makes a restored table trustworthy before anyone uses it: its items counted beside the live
 * table's, and a sample read back through the field encryption exactly as the functions read them
 * (signature verified, fields decrypted). A table restored under another key, from another table, or
 * changed since its backup fails here, not in a clinic.
 */
final class RestoreCheck {
    /** The tables with personal fields encrypted client-side, by logical id: how the functions read each. */
    static final Map<String, Function<String, EncryptedTable>> ENCRYPTED = Map.of(
            "PatientsTable", PatientItem::encryption,
            "VisitsTable", VisitItem::encryption,
            "ReferralsTable", ReferralItem::encryption,
            "ReferralHistoryTable", dk.fristed.referrals.referral.HistoryItem::encryption,
            "InvoicesTable", InvoiceItem::encryption,
            "InvoiceHistoryTable", dk.fristed.invoices.invoice.HistoryItem::encryption,
            "BudgetTable", BudgetItem::encryption);

    /** What the check found; {@code failure} names the first item that did not read back, by its error's class only. */
    record Result(
            String logicalTable,
            long liveItems,
            long restoredItems,
            int sampled,
            int readBack,
            Optional<String> failure) {
        boolean ok() {
            return failure.isEmpty() && readBack == sampled && (restoredItems > 0 || liveItems == 0);
        }

        String report() {
            return String.format(
                    "%s: %,d items restored (the live table has %,d now); %d of %d sampled items read back%s%s",
                    logicalTable,
                    restoredItems,
                    liveItems,
                    readBack,
                    sampled,
                    ENCRYPTED.containsKey(logicalTable)
                            ? " through the field encryption"
                            : " (no fields encrypted client-side)",
                    failure.map(f -> "; FAILED: " + f).orElse(""));
        }
    }

    private RestoreCheck() {}

    /**
     * @param env the functions' variables for DynamoDB and the field keys (BRANCH_KEY_ID, KEY_STORE_TABLE,
     *            FIELD_KEY_ARN in AWS; LOCAL_FIELD_KEY locally)
     */
    static Result check(Environment env, String logicalTable, String liveTable, String restoredTable, int sample) {
        DynamoDbClient plain = AwsClients.dynamoDb(env);
        var encryption = Optional.ofNullable(ENCRYPTED.get(logicalTable)).map(config -> config.apply(restoredTable));
        DynamoDbClient reading = encryption
                .map(table -> AwsClients.dynamoDb(
                        env, FieldEncryption.fromEnvironment(env).interceptor(List.of(table))))
                .orElse(plain);
        List<String> keyNames = plain.describeTable(r -> r.tableName(restoredTable)).table().keySchema().stream()
                .map(KeySchemaElement::attributeName)
                .toList();
        var items = plain.scan(r -> r.tableName(restoredTable).limit(sample).consistentRead(true))
                .items();
        int readBack = 0;
        Optional<String> failure = Optional.empty();
        for (Map<String, AttributeValue> item : items) {
            Map<String, AttributeValue> key = new LinkedHashMap<>();
            keyNames.forEach(name -> key.put(name, item.get(name)));
            try {
                if (reading.getItem(r -> r.tableName(restoredTable).key(key).consistentRead(true))
                        .hasItem()) {
                    readBack++;
                }
            } catch (RuntimeException unreadable) {
                // the class only: a message could quote a field
                failure = failure.or(() -> Optional.of(unreadable.getClass().getName()));
            }
        }
        return new Result(
                logicalTable, count(plain, liveTable), count(plain, restoredTable), items.size(), readBack, failure);
    }

    private static long count(DynamoDbClient dynamo, String table) {
        long count = 0;
        for (var page : dynamo.scanPaginator(r -> r.tableName(table).select(Select.COUNT))) {
            count += page.count();
        }
        return count;
    }
}
