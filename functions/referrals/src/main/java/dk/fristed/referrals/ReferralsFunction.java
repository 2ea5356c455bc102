package dk.fristed.referrals;

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
import dk.fristed.json.Json;
import dk.fristed.log.JsonLog;
import dk.fristed.paging.Cursor;
import dk.fristed.paging.Hmac;
import dk.fristed.referrals.referral.ReferralRoutes;
import dk.fristed.site.Sites;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static dk.fristed.auth.Role.CLINICIAN;
import static dk.fristed.auth.Role.COORDINATOR;

/**
 * The referrals Lambda function: referrals, their answers, rejections, complaints and follow-up.
 * Handler in template.yaml: {@code dk.fristed.referrals.ReferralsFunction::handleRequest}.
 */
public final class ReferralsFunction extends ApiFunction
        // declared again so that AWS's SnapStart scanner sees a handler (it reads only a class's own interfaces)
        implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    /** Referrals are for the people who treat and receive patients; finance never, admins only through the audit trail. */
    static final Set<Role> CARE = Set.of(CLINICIAN, COORDINATOR);

    /** What priming requests cannot reach without writing: encryption and a referral's creating transaction. */
    final Runnable warmUp;

    /** Lambda's constructor: clients built once per container and primed for SnapStart with requests that write nothing. */
    public ReferralsFunction() {
        this(Environment.system());
        primeBeforeSnapshot(primingRequests(), warmUp);
    }

    /**
     * Requests that touch every layer and write nothing: a referral nobody has (one GetItem, 404), a
     * body that fails validation (400), and counts of a period with no referrals (one query; counts
     * are not audited, while a list would write an audit entry).
     */
    static List<APIGatewayV2HTTPEvent> primingRequests() {
        APIGatewayV2HTTPEvent counts = SnapStartPriming.request("GET /referrals/counts", null, null, "clinician");
        counts.setQueryStringParameters(Map.of("from", "2009-01-01", "to", "2009-01-31"));
        return List.of(
                SnapStartPriming.request(
                        "GET /referrals/{referralId}", Map.of("referralId", RecordIds.random()), null, "clinician"),
                SnapStartPriming.request("POST /referrals", null, "{\"kind\":\"examination\"}", "clinician"),
                counts);
    }

    /** The local runner's constructor: the same wiring, with variables resolved from template.yaml. */
    public ReferralsFunction(Environment env) {
        this(
                ReferralTables.fromEnvironment(env),
                DynamoDbConnection.of(env),
                FieldEncryption.fromEnvironment(env),
                ServerKey.fromEnvironment(env),
                Sites.parse(env.require(Sites.VARIABLE)),
                Clock.systemUTC(),
                new JsonLog("referrals"));
    }

    /** The tests' constructor: every collaborator given; the client is opened with encryption. */
    public ReferralsFunction(
            ReferralTables tables,
            DynamoDbConnection connection,
            FieldEncryption encryption,
            Hmac serverKey,
            Sites sites,
            Clock clock,
            JsonLog log) {
        this(tables, tables.open(connection, encryption, clock), encryption, serverKey, sites, clock, log);
    }

    private ReferralsFunction(
            ReferralTables tables,
            ReferralTables.Opened opened,
            FieldEncryption encryption,
            Hmac serverKey,
            Sites sites,
            Clock clock,
            JsonLog log) {
        this(wire(opened, tables, encryption, serverKey, sites, clock), log);
    }

    private ReferralsFunction(Wiring wiring, JsonLog log) {
        super(wiring.routes(), log);
        warmUp = wiring.warmUp();
    }

    private record Wiring(List<Route> routes, Runnable warmUp) {}

    private static Wiring wire(
            ReferralTables.Opened opened,
            ReferralTables tables,
            FieldEncryption encryption,
            Hmac serverKey,
            Sites sites,
            Clock clock) {
        var audit = new AuditTrail(opened.dynamo(), tables.audit(), clock);
        var referrals = new ReferralRoutes(
                opened.repository(),
                tables.idempotency(opened, serverKey, clock),
                audit,
                sites,
                new Cursor(serverKey),
                clock);
        Runnable warmUp = () -> {
            encryption.warmUp(tables.encrypted());
            // a referral drafted up to its JSON response, refused by DynamoDB at the end: nothing is written
            String body = "{\"helpNumber\":\"" + HelpNumber.random().formatted() + "\",\"site\":\""
                    + sites.names().get(0)
                    + "\",\"kind\":\"examination\",\"modality\":\"x_ray\",\"receiver\":\"priming\",\"urgency\":\"routine\","
                    + "\"clinicalQuestion\":\"priming\"}";
            Json.write(referrals.rehearseCreate(SnapStartPriming.routeRequest(
                    "POST /referrals",
                    body,
                    "clinician",
                    Map.of(IdempotencyStore.HEADER, UUID.randomUUID().toString()))));
        };
        return new Wiring(
                List.of(
                        Route.of("POST /referrals", CARE, referrals::create),
                        Route.of("GET /referrals", CARE, referrals.records()::atSite),
                        Route.of("GET /referrals/counts", CARE, referrals::counts),
                        Route.of("GET /referrals/follow-up", CARE, referrals::followUp),
                        Route.of("GET /referrals/{referralId}", CARE, referrals.records()::get),
                        Route.of("POST /referrals/{referralId}/transitions", CARE, referrals::transition),
                        Route.of("GET /patients/{helpNumber}/referrals", CARE, referrals.records()::ofPatient)),
                warmUp);
    }
}
