package dk.fristed.invoices;

import dk.fristed.audit.AuditTrail;
import dk.fristed.aws.DynamoDbConnection;
import dk.fristed.config.Environment;
import dk.fristed.encryption.EncryptedTable;
import dk.fristed.encryption.FieldEncryption;
import dk.fristed.idempotency.IdempotencyItem;
import dk.fristed.idempotency.IdempotencyStore;
import dk.fristed.invoices.invoice.HistoryItem;
import dk.fristed.invoices.invoice.InvoiceRepository;
import dk.fristed.paging.Hmac;
import dk.fristed.records.invoice.InvoiceItem;
import dk.fristed.storage.PatientLinks;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.util.List;

/**
 * The table names template.yaml passes to the invoice functions, and the repository over them: one
 * DynamoDB client, opened here with the encryption interceptor, so no caller can hand a function one
 * that writes plaintext.
 */
public record InvoiceTables(
        String invoices,
        String history,
        String numbers,
        String patients,
        String visits,
        String referrals,
        String idempotency,
        String audit) {

    public static InvoiceTables fromEnvironment(Environment env) {
        return new InvoiceTables(
                env.require("INVOICES_TABLE"),
                env.require("INVOICE_HISTORY_TABLE"),
                env.require("INVOICE_NUMBERS_TABLE"),
                env.require("PATIENTS_TABLE"),
                env.require("VISITS_TABLE"),
                env.require("REFERRALS_TABLE"),
                env.require("IDEMPOTENCY_TABLE"),
                env.require(AuditTrail.TABLE_VARIABLE));
    }

    /**
     * Invoices and their history hold personal data. The number guards hold only a keyed hash and an
     * invoice id. The patients table is only condition-checked; of the visits and referrals tables the
     * functions read keys and help numbers only, to check an invoice's links.
     */
    public List<EncryptedTable> encrypted() {
        return List.of(InvoiceItem.encryption(invoices), HistoryItem.encryption(history));
    }

    /** The repository, on the one client it opens. */
    public record Opened(DynamoDbClient dynamo, DynamoDbEnhancedClient enhanced, InvoiceRepository repository) {}

    public Opened open(DynamoDbConnection connection, FieldEncryption encryption, Clock clock) {
        DynamoDbClient dynamo = connection.open(encryption.interceptor(encrypted()));
        var enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo).build();
        return new Opened(
                dynamo,
                enhanced,
                new InvoiceRepository(
                        dynamo,
                        new AuditTrail(dynamo, audit, clock),
                        enhanced.table(invoices, InvoiceItem.SCHEMA),
                        enhanced.table(history, HistoryItem.SCHEMA),
                        numbers,
                        patients,
                        new PatientLinks(dynamo, visits, referrals),
                        clock));
    }

    /** The idempotency store of the registering route, on the same client. */
    public IdempotencyStore idempotency(Opened opened, Hmac serverKey, Clock clock) {
        return new IdempotencyStore(opened.enhanced().table(idempotency, IdempotencyItem.SCHEMA), serverKey, clock);
    }
}
