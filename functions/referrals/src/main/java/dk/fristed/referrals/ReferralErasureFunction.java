package dk.fristed.referrals;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import dk.fristed.audit.AuditTrail;
import dk.fristed.aws.DynamoDbConnection;
import dk.fristed.config.Environment;
import dk.fristed.encryption.FieldEncryption;
import dk.fristed.helpnumber.HelpNumber;
import dk.fristed.http.WarmedUpFunction;
import dk.fristed.log.JsonLog;
import dk.fristed.referrals.referral.ReferralRepository;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Erasure reaches the referrals: a patient erased by {@code DELETE /patients/{helpNumber}} (the visits
 * function sets {@code erasedAt} on the record) arrives here from the patients table's DynamoDB stream,
 * filtered in template.yaml to those changes, and this function removes the personal free text of that
 * patient's referrals. The visits function never touches the referral tables. A record that fails is
 * reported with those after it, so Lambda retries from it and no erasure is skipped; erasing twice
 * changes nothing.
 */
public final class ReferralErasureFunction extends WarmedUpFunction
        implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    private final ReferralRepository referrals;
    private final AuditTrail audit;
    private final JsonLog log;
    private final Runnable warmUp;

    /** Lambda's constructor: the encryption path is warmed before the SnapStart snapshot; nothing is written. */
    public ReferralErasureFunction() {
        this(Environment.system());
        warmUpBeforeSnapshot(warmUp);
    }

    public ReferralErasureFunction(Environment env) {
        this(ReferralTables.fromEnvironment(env), DynamoDbConnection.of(env), FieldEncryption.fromEnvironment(env), Clock.systemUTC(),
                new JsonLog("referral-erasure"));
    }

    public ReferralErasureFunction(ReferralTables tables, DynamoDbConnection connection, FieldEncryption encryption,
                                   Clock clock, JsonLog log) {
        var opened = tables.open(connection, encryption, clock);
        this.referrals = opened.repository();
        this.audit = new AuditTrail(opened.dynamo(), tables.audit(), clock);
        this.log = log;
        this.warmUp = () -> encryption.warmUp(tables.encrypted());
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        List<DynamodbEvent.DynamodbStreamRecord> records = event.getRecords() == null ? List.of() : event.getRecords();
        for (int i = 0; i < records.size(); i++) {
            var record = records.get(i);
            try {
                erase(record);
            } catch (RuntimeException e) {
                // the class only: a message could quote a value
                log.error("erasure of referrals failed; Lambda retries from this record", Map.of("error", e.getClass().getName()));
                return StreamsEventResponse.builder().withBatchItemFailures(records.subList(i, records.size()).stream()
                        .map(r -> StreamsEventResponse.BatchItemFailure.builder()
                                .withItemIdentifier(r.getDynamodb().getSequenceNumber()).build())
                        .toList()).build();
            }
        }
        return StreamsEventResponse.builder().withBatchItemFailures(List.of()).build();
    }

    private void erase(DynamodbEvent.DynamodbStreamRecord record) {
        Map<String, AttributeValue> image = record.getDynamodb().getNewImage();
        AttributeValue erasedAt = image == null ? null : image.get("erasedAt");
        if (erasedAt == null || erasedAt.getS() == null) {
            return; // not an erasure (the template's filter lets none through; a local delivery may)
        }
        HelpNumber patient = new HelpNumber(record.getDynamodb().getKeys().get("helpNumber").getS());
        int changed = referrals.erasePatient(patient, Instant.parse(erasedAt.getS()),
                () -> audit.systemChangeOf("referral-erasure", "erase referral texts with the patient", patient));
        log.info("referrals erased with their patient", Map.of("referrals", changed));
    }
}
