package dk.fristed.referrals;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dk.fristed.audit.AuditTrail;
import dk.fristed.aws.DynamoDbConnection;
import dk.fristed.config.Environment;
import dk.fristed.encryption.FieldEncryption;
import dk.fristed.patientstream.PatientChanges;
import dk.fristed.http.WarmedUpFunction;
import dk.fristed.log.JsonLog;
import dk.fristed.referrals.referral.ReferralRepository;

import java.time.Clock;

/**
 * Erasure and merges reach the referrals: a patient erased by the visits function arrives here from the
 * patients table's stream ({@link PatientChanges}), and this function removes the personal free text of
 * that patient's referrals; a duplicate record merged into another arrives the same way, and its referrals
 * move to the surviving help number. The visits function never touches the referral tables. (The name is
 * the deployed function's, kept so its stream position is not lost.)
 */
public final class ReferralErasureFunction extends WarmedUpFunction
        implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    private final PatientChanges changes;
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
        ReferralRepository referrals = opened.repository();
        AuditTrail audit = new AuditTrail(opened.dynamo(), tables.audit(), clock);
        this.changes = new PatientChanges((patient, at) -> referrals.erasePatient(patient, at,
                () -> audit.systemChangeOf("referral-erasure", "erase referral texts with the patient", patient)),
                (duplicate, survivor) -> referrals.movePatient(duplicate, survivor,
                        () -> audit.systemChangeOf("referral-erasure", "move referrals with the patient's merged record", survivor)),
                "referrals", log);
        this.warmUp = () -> encryption.warmUp(tables.encrypted());
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        return changes.handle(event);
    }
}
