package dk.fristed.referrals;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dk.fristed.aws.DynamoDbConnection;
import dk.fristed.config.Environment;
import dk.fristed.encryption.FieldEncryption;
import dk.fristed.log.JsonLog;
import dk.fristed.patientstream.PatientFollowingFunction;

import java.time.Clock;

/**
 * Erasure and merges reach the referrals ({@link PatientFollowingFunction}): an erased patient's referrals
 * are unlinked and lose their texts and receiver, a merged duplicate's move to the survivor. (The name
 * is the deployed function's, kept so its stream position is not lost.)
 */
public final class ReferralErasureFunction extends PatientFollowingFunction
        implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    /** Lambda's constructor: the encryption path is warmed before the SnapStart snapshot; nothing is written. */
    public ReferralErasureFunction() {
        this(Environment.system());
        warmUpBeforeSnapshot();
    }

    public ReferralErasureFunction(Environment env) {
        this(
                ReferralTables.fromEnvironment(env),
                DynamoDbConnection.of(env),
                FieldEncryption.fromEnvironment(env),
                Clock.systemUTC(),
                new JsonLog("referral-erasure"));
    }

    public ReferralErasureFunction(
            ReferralTables tables,
            DynamoDbConnection connection,
            FieldEncryption encryption,
            Clock clock,
            JsonLog log) {
        this(tables, tables.open(connection, encryption, clock), encryption, clock, log);
    }

    private ReferralErasureFunction(
            ReferralTables tables, ReferralTables.Opened opened, FieldEncryption encryption, Clock clock, JsonLog log) {
        super(
                opened.repository().records(),
                "referral-erasure",
                "referrals",
                "referral texts",
                () -> encryption.warmUp(tables.encrypted()),
                log);
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        return follow(event);
    }
}
