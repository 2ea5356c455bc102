package dk.fristed.invoices;

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
import dk.fristed.invoices.invoice.InvoiceRepository;
import dk.fristed.log.JsonLog;

import java.time.Clock;

/**
 * Erasure and merges reach the invoices: a patient erased by the visits function arrives here from the
 * patients table's stream ({@link PatientChanges}), and this function removes the personal parts of that
 * patient's invoices (invoice numbers and their guards, references, notes), keeping amounts, dates and
 * outcomes for the totals; a duplicate record merged into another arrives the same way, and its invoices
 * move to the surviving help number. (The name is the deployed function's, kept so its stream position
 * is not lost.)
 */
public final class InvoiceErasureFunction extends WarmedUpFunction
        implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    private final PatientChanges changes;
    private final Runnable warmUp;

    /** Lambda's constructor: the encryption path is warmed before the SnapStart snapshot; nothing is written. */
    public InvoiceErasureFunction() {
        this(Environment.system());
        warmUpBeforeSnapshot(warmUp);
    }

    public InvoiceErasureFunction(Environment env) {
        this(InvoiceTables.fromEnvironment(env), DynamoDbConnection.of(env), FieldEncryption.fromEnvironment(env), Clock.systemUTC(),
                new JsonLog("invoice-erasure"));
    }

    public InvoiceErasureFunction(InvoiceTables tables, DynamoDbConnection connection, FieldEncryption encryption, Clock clock,
                                  JsonLog log) {
        var opened = tables.open(connection, encryption, clock);
        InvoiceRepository invoices = opened.repository();
        AuditTrail audit = new AuditTrail(opened.dynamo(), tables.audit(), clock);
        this.changes = new PatientChanges((patient, at) -> invoices.erasePatient(patient, at,
                () -> audit.systemChangeOf("invoice-erasure", "erase invoice numbers and notes with the patient", patient)),
                (duplicate, survivor) -> invoices.movePatient(duplicate, survivor,
                        () -> audit.systemChangeOf("invoice-erasure", "move invoices with the patient's merged record", survivor)),
                "invoices", log);
        this.warmUp = () -> encryption.warmUp(tables.encrypted());
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        return changes.handle(event);
    }
}
