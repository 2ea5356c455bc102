package dk.fristed.invoices;

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
 * Erasure and merges reach the invoices ({@link PatientFollowingFunction}): an erased patient's invoices
 * are unlinked and lose their numbers (and guards), references and notes, keeping creditor, amounts,
 * dates and outcomes for the totals and the books; a merged duplicate's move to the survivor. (The name
 * is the deployed function's, kept so its stream position is not lost.)
 */
public final class InvoiceErasureFunction extends PatientFollowingFunction
        implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    /** Lambda's constructor: the encryption path is warmed before the SnapStart snapshot; nothing is written. */
    public InvoiceErasureFunction() {
        this(Environment.system());
        warmUpBeforeSnapshot();
    }

    public InvoiceErasureFunction(Environment env) {
        this(
                InvoiceTables.fromEnvironment(env),
                DynamoDbConnection.of(env),
                FieldEncryption.fromEnvironment(env),
                Clock.systemUTC(),
                new JsonLog("invoice-erasure"));
    }

    public InvoiceErasureFunction(
            InvoiceTables tables, DynamoDbConnection connection, FieldEncryption encryption, Clock clock, JsonLog log) {
        this(tables, tables.open(connection, encryption, clock), encryption, clock, log);
    }

    private InvoiceErasureFunction(
            InvoiceTables tables, InvoiceTables.Opened opened, FieldEncryption encryption, Clock clock, JsonLog log) {
        super(
                opened.repository().records(),
                "invoice-erasure",
                "invoices",
                "invoice numbers and notes",
                () -> encryption.warmUp(tables.encrypted()),
                log);
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        return follow(event);
    }
}
