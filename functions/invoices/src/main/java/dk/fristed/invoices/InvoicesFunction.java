package dk.fristed.invoices;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dk.fristed.audit.AuditTrail;
import dk.fristed.auth.Role;
import dk.fristed.aws.DynamoDbConnection;
import dk.fristed.aws.ServerKey;
import dk.fristed.config.Environment;
import dk.fristed.encryption.FieldEncryption;
import dk.fristed.helpnumber.HelpNumber;
import dk.fristed.http.ApiFunction;
import dk.fristed.http.Route;
import dk.fristed.http.SnapStartPriming;
import dk.fristed.idempotency.IdempotencyStore;
import dk.fristed.ids.RecordIds;
import dk.fristed.invoices.invoice.DeadlinePolicy;
import dk.fristed.invoices.invoice.InvoiceRoutes;
import dk.fristed.json.Json;
import dk.fristed.log.JsonLog;
import dk.fristed.paging.Cursor;
import dk.fristed.paging.Hmac;
import dk.fristed.site.Sites;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static dk.fristed.auth.Role.CLINICIAN;
import static dk.fristed.auth.Role.COORDINATOR;
import static dk.fristed.auth.Role.FINANCE;

/**
 * The invoices Lambda function: hospital invoices the clinic gets credited, their deadlines, totals
 * and export. Handler in template.yaml: {@code dk.fristed.invoices.InvoicesFunction::handleRequest}.
 */
public final class InvoicesFunction extends ApiFunction
        // declared again so that AWS's SnapStart scanner sees a handler (it reads only a class's own interfaces)
        implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    /** Invoices are for the people who treat and receive patients; admins only through the audit trail. */
    static final Set<Role> CARE = Set.of(CLINICIAN, COORDINATOR);
    /** Totals carry no help numbers: finance may read them too. */
    static final Set<Role> TOTALS = Set.of(CLINICIAN, COORDINATOR, FINANCE);
    /** The export is the coordinators' spreadsheet. */
    static final Set<Role> EXPORT = Set.of(COORDINATOR);

    /** What priming requests cannot reach without writing: encryption and an invoice's registering transaction. */
    final Runnable warmUp;

    /** Lambda's constructor: clients built once per container and primed for SnapStart with requests that write nothing. */
    public InvoicesFunction() {
        this(Environment.system());
        primeBeforeSnapshot(primingRequests(), warmUp);
    }

    /**
     * Requests that touch every layer and write nothing: an invoice nobody has (one GetItem, 404), a body
     * that fails validation (400), and totals of a period with no invoices (one query per site; totals
     * are not audited, while a list would write an audit entry).
     */
    static List<APIGatewayV2HTTPEvent> primingRequests() {
        APIGatewayV2HTTPEvent totals = SnapStartPriming.request("GET /invoices/totals", null, null, "finance");
        totals.setQueryStringParameters(Map.of("from", "2009-01-01", "to", "2009-01-31"));
        return List.of(
                SnapStartPriming.request(
                        "GET /invoices/{invoiceId}", Map.of("invoiceId", RecordIds.random()), null, "clinician"),
                SnapStartPriming.request("POST /invoices", null, "{\"currency\":\"NOK\"}", "coordinator"),
                totals);
    }

    /** The local runner's constructor: the same wiring, with variables resolved from template.yaml. */
    public InvoicesFunction(Environment env) {
        this(
                InvoiceTables.fromEnvironment(env),
                DynamoDbConnection.of(env),
                FieldEncryption.fromEnvironment(env),
                ServerKey.fromEnvironment(env),
                Sites.parse(env.require(Sites.VARIABLE)),
                DeadlinePolicy.fromEnvironment(env),
                Clock.systemUTC(),
                new JsonLog("invoices"));
    }

    /** The tests' constructor: every collaborator given; the client is opened with encryption. */
    public InvoicesFunction(
            InvoiceTables tables,
            DynamoDbConnection connection,
            FieldEncryption encryption,
            Hmac serverKey,
            Sites sites,
            DeadlinePolicy deadlines,
            Clock clock,
            JsonLog log) {
        this(
                wire(
                        tables,
                        tables.open(connection, encryption, clock),
                        encryption,
                        serverKey,
                        sites,
                        deadlines,
                        clock),
                log);
    }

    private InvoicesFunction(Wiring wiring, JsonLog log) {
        super(wiring.routes(), log);
        warmUp = wiring.warmUp();
    }

    private record Wiring(List<Route> routes, Runnable warmUp) {}

    private static Wiring wire(
            InvoiceTables tables,
            InvoiceTables.Opened opened,
            FieldEncryption encryption,
            Hmac serverKey,
            Sites sites,
            DeadlinePolicy deadlines,
            Clock clock) {
        var audit = new AuditTrail(opened.dynamo(), tables.audit(), clock);
        var invoices = new InvoiceRoutes(
                opened.repository(),
                tables.idempotency(opened, serverKey, clock),
                audit,
                sites,
                new Cursor(serverKey),
                serverKey,
                deadlines,
                clock);
        Runnable warmUp = () -> {
            encryption.warmUp(tables.encrypted());
            // an invoice registered up to its JSON response, refused by DynamoDB at the end: nothing is written
            String body = "{\"helpNumber\":\"" + HelpNumber.random().formatted() + "\",\"site\":\""
                    + sites.names().get(0)
                    + "\",\"creditor\":\"priming\",\"invoiceNumber\":\"priming\",\"invoiceDate\":\"2009-01-01\","
                    + "\"dueDate\":\"2009-01-31\",\"receivedOn\":\"2009-01-02\",\"amount\":100,\"currency\":\"NOK\"}";
            Json.write(invoices.rehearseCreate(SnapStartPriming.routeRequest(
                    "POST /invoices",
                    body,
                    "coordinator",
                    Map.of(IdempotencyStore.HEADER, UUID.randomUUID().toString()))));
        };
        return new Wiring(
                List.of(
                        Route.of("POST /invoices", CARE, invoices::create),
                        Route.of("GET /invoices", CARE, invoices.records()::atSite),
                        Route.of("GET /invoices/deadlines", CARE, invoices::deadlines),
                        Route.of("GET /invoices/totals", TOTALS, invoices::totals),
                        Route.of("GET /invoices/export", EXPORT, invoices::export),
                        Route.of("GET /invoices/{invoiceId}", CARE, invoices.records()::get),
                        Route.of("POST /invoices/{invoiceId}/transitions", CARE, invoices::transition),
                        Route.of("GET /patients/{helpNumber}/invoices", CARE, invoices.records()::ofPatient)),
                warmUp);
    }
}
