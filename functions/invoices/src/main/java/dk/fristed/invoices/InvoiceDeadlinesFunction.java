package dk.fristed.invoices;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dk.fristed.aws.DynamoDbConnection;
import dk.fristed.calendar.ClinicCalendar;
import dk.fristed.config.Environment;
import dk.fristed.encryption.FieldEncryption;
import dk.fristed.http.WarmedUpFunction;
import dk.fristed.invoices.invoice.DeadlinePolicy;
import dk.fristed.invoices.invoice.DeadlineScan;
import dk.fristed.log.JsonLog;
import dk.fristed.site.Sites;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The daily deadline run over invoices, by an EventBridge schedule (template.yaml) with the event
 * EventBridge sends; {@code make invoke FN=InvoiceDeadlinesFunction} runs it locally on demand.
 */
public final class InvoiceDeadlinesFunction extends WarmedUpFunction
        implements RequestHandler<ScheduledEvent, Map<String, Integer>> {
    private final DeadlineScan scan;
    private final Clock clock;
    private final JsonLog log;
    private final Runnable warmUp;

    /** Lambda's constructor: the encryption path is warmed before the SnapStart snapshot; nothing is written. */
    public InvoiceDeadlinesFunction() {
        this(Environment.system());
        warmUpBeforeSnapshot(warmUp);
    }

    public InvoiceDeadlinesFunction(Environment env) {
        this(
                InvoiceTables.fromEnvironment(env),
                DynamoDbConnection.of(env),
                FieldEncryption.fromEnvironment(env),
                Sites.parse(env.require(Sites.VARIABLE)),
                DeadlinePolicy.fromEnvironment(env),
                Clock.systemUTC(),
                new JsonLog("invoice-deadlines"));
    }

    public InvoiceDeadlinesFunction(
            InvoiceTables tables,
            DynamoDbConnection connection,
            FieldEncryption encryption,
            Sites sites,
            DeadlinePolicy policy,
            Clock clock,
            JsonLog log) {
        var opened = tables.open(connection, encryption, clock);
        this.scan = new DeadlineScan(opened.repository(), sites, policy);
        this.clock = clock;
        this.log = log;
        this.warmUp = () -> encryption.warmUp(tables.encrypted());
    }

    @Override
    public Map<String, Integer> handleRequest(ScheduledEvent event, Context context) {
        DeadlineScan.Result result = scan.run(ClinicCalendar.today(clock));
        log.info(
                "deadline run done",
                Map.of("needingAttention", result.needingAttention(), "flagged", result.flagged()));
        Map<String, Integer> answer = new LinkedHashMap<>(); // in this order in logs and make invoke
        answer.put("needingAttention", result.needingAttention());
        answer.put("flagged", result.flagged());
        return answer;
    }
}
