package dk.fristed.referrals;

import dk.fristed.audit.AuditTrail;
import dk.fristed.aws.DynamoDbConnection;
import dk.fristed.config.Environment;
import dk.fristed.encryption.EncryptedTable;
import dk.fristed.encryption.FieldEncryption;
import dk.fristed.idempotency.IdempotencyItem;
import dk.fristed.idempotency.IdempotencyStore;
import dk.fristed.paging.Hmac;
import dk.fristed.records.referral.ReferralItem;
import dk.fristed.referrals.referral.HistoryItem;
import dk.fristed.referrals.referral.ReferralRepository;
import dk.fristed.storage.PatientLinks;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.util.List;

/**
 * The table names template.yaml passes to both referral functions, and the repository over them: one
 * DynamoDB client, opened here with the encryption interceptor, so no caller can hand either function
 * one that writes plaintext.
 */
public record ReferralTables(
        String referrals, String history, String patients, String visits, String idempotency, String audit) {

    public static ReferralTables fromEnvironment(Environment env) {
        return new ReferralTables(
                env.require("REFERRALS_TABLE"),
                env.require("REFERRAL_HISTORY_TABLE"),
                env.require("PATIENTS_TABLE"),
                env.require("VISITS_TABLE"),
                env.require("IDEMPOTENCY_TABLE"),
                env.require(AuditTrail.TABLE_VARIABLE));
    }

    /**
     * Referrals and their history hold health data. The patients table is only condition-checked, the
     * visits table only for the key of the visit a referral came from: neither is read.
     */
    public List<EncryptedTable> encrypted() {
        return List.of(ReferralItem.encryption(referrals), HistoryItem.encryption(history));
    }

    /** The repository, on the one client it opens. */
    public record Opened(DynamoDbClient dynamo, DynamoDbEnhancedClient enhanced, ReferralRepository repository) {}

    /** No server key: the follow-up and the erasure need none, and would derive it from KMS at every cold start. */
    public Opened open(DynamoDbConnection connection, FieldEncryption encryption, Clock clock) {
        DynamoDbClient dynamo = connection.open(encryption.interceptor(encrypted()));
        var enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo).build();
        return new Opened(
                dynamo,
                enhanced,
                new ReferralRepository(
                        dynamo,
                        new AuditTrail(dynamo, audit, clock),
                        enhanced.table(referrals, ReferralItem.SCHEMA),
                        enhanced.table(history, HistoryItem.SCHEMA),
                        patients,
                        new PatientLinks(dynamo, visits, null),
                        clock));
    }

    /** The idempotency store of the creating route, on the same client. */
    public IdempotencyStore idempotency(Opened opened, Hmac serverKey, Clock clock) {
        return new IdempotencyStore(opened.enhanced().table(idempotency, IdempotencyItem.SCHEMA), serverKey, clock);
    }
}
