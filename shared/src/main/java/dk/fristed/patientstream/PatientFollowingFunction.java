package dk.fristed.patientstream;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dk.fristed.audit.Actor;
import dk.fristed.helpnumber.HelpNumber;
import dk.fristed.http.WarmedUpFunction;
import dk.fristed.log.JsonLog;

import java.time.Instant;

/**
 * A function whose records follow their patient's record from the patients table's stream
 * ({@link PatientChanges}): erased with it, moved with it to the survivor of a merge, each change audited
 * as the function's own. The visits function never touches these records' tables. A subclass names its
 * records and declares the RequestHandler itself, so that AWS's SnapStart scanner sees it.
 */
public abstract class PatientFollowingFunction extends WarmedUpFunction {
    /** The records that follow: a function's repository. */
    public interface Records {
        /** Erases the patient's personal fields in these records, each change audited as {@code actor}'s. */
        int erasePatient(HelpNumber helpNumber, Instant at, Actor actor);

        /** Moves the duplicate's records to the survivor, each move audited as {@code actor}'s under the survivor. */
        int movePatient(HelpNumber from, HelpNumber to, Actor actor);
    }

    private final PatientChanges changes;
    private final Runnable warmUp;

    /**
     * @param function    the function's name in the audit trail and logs ("referral-erasure")
     * @param records     what the records are called ("referrals")
     * @param erasedParts what erasure removes from them, for the audit trail
     * @param warmUp      the SnapStart warm-up: reads at most, never writes
     */
    protected PatientFollowingFunction(
            Records repository, String function, String records, String erasedParts, Runnable warmUp, JsonLog log) {
        Actor erasing = Actor.system(function, "erase " + erasedParts + " with the patient");
        Actor moving = Actor.system(function, "move " + records + " with the patient's merged record");
        this.changes = new PatientChanges(
                (patient, at) -> repository.erasePatient(patient, at, erasing),
                (duplicate, survivor) -> repository.movePatient(duplicate, survivor, moving),
                records,
                log);
        this.warmUp = warmUp;
    }

    /** Call it from the Lambda constructor only. */
    protected final void warmUpBeforeSnapshot() {
        warmUpBeforeSnapshot(warmUp);
    }

    protected final StreamsEventResponse follow(DynamodbEvent event) {
        return changes.handle(event);
    }
}
