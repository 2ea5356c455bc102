package dk.fristed.visits;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dk.fristed.audit.AuditTrail;
import dk.fristed.auth.Role;
import dk.fristed.aws.DynamoDbConnection;
import dk.fristed.aws.ServerKey;
import dk.fristed.config.Categories;
import dk.fristed.config.Environment;
import dk.fristed.encryption.EncryptedTable;
import dk.fristed.encryption.FieldEncryption;
import dk.fristed.helpnumber.HelpNumber;
import dk.fristed.http.ApiFunction;
import dk.fristed.http.OpenApiDocument;
import dk.fristed.http.Route;
import dk.fristed.http.SnapStartPriming;
import dk.fristed.idempotency.IdempotencyItem;
import dk.fristed.idempotency.IdempotencyStore;
import dk.fristed.json.Json;
import dk.fristed.log.JsonLog;
import dk.fristed.paging.Cursor;
import dk.fristed.paging.Hmac;
import dk.fristed.records.patient.PatientItem;
import dk.fristed.records.visit.VisitItem;
import dk.fristed.site.Sites;
import dk.fristed.visits.merge.MergeRoutes;
import dk.fristed.visits.merge.PatientErasure;
import dk.fristed.visits.merge.PatientMerges;
import dk.fristed.visits.patient.PatientRepository;
import dk.fristed.visits.patient.PatientRoutes;
import dk.fristed.visits.reference.ReferenceLists;
import dk.fristed.visits.visit.VisitRepository;
import dk.fristed.visits.visit.VisitRoutes;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static dk.fristed.auth.Role.ADMIN;
import static dk.fristed.auth.Role.CLINICIAN;
import static dk.fristed.auth.Role.COORDINATOR;

/**
 * The visits Lambda function: patients, help numbers and visit registration. Handler in
 * template.yaml: {@code dk.fristed.visits.VisitsFunction::handleRequest}.
 */
public final class VisitsFunction extends ApiFunction
        // declared again so that AWS's SnapStart scanner sees a handler (it reads only a class's own interfaces)
        implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    /** Patient records and visits are for the people who treat and receive patients, nobody else. */
    static final Set<Role> CARE = Set.of(CLINICIAN, COORDINATOR);

    /** What priming requests cannot reach without writing: encryption and a registration's transaction. */
    final Runnable warmUp;

    /** Lambda's constructor: clients are built once per container, at init, and primed for SnapStart. */
    public VisitsFunction() {
        this(Environment.system());
        primeBeforeSnapshot(primingRequests(), warmUp);
    }

    /**
     * Requests that touch every layer and change nothing: a read of a help number nobody has (one
     * GetItem, 404) and a registration whose birth year is invalid (JSON read into the record, 400).
     */
    static List<APIGatewayV2HTTPEvent> primingRequests() {
        String nobody = HelpNumber.random().formatted();
        return List.of(
                SnapStartPriming.request("GET /patients/{helpNumber}", Map.of("helpNumber", nobody), null, "clinician"),
                SnapStartPriming.request("POST /patients", null, primingPatient(1800), "clinician"));
    }

    /** A made-up registration body for priming; a birth year of 1800 fails validation. */
    private static String primingPatient(int birthYear) {
        return "{\"birthYear\":" + birthYear + ",\"sex\":\"female\",\"nationality\":\"RO\",\"languages\":[\"ro\"],"
                + "\"interpreterNeeded\":false,\"name\":\"priming\"}";
    }

    /** The local runner's constructor: the same wiring, with variables resolved from template.yaml. */
    public VisitsFunction(Environment env) {
        this(
                Tables.fromEnvironment(env),
                DynamoDbConnection.of(env),
                FieldEncryption.fromEnvironment(env),
                ServerKey.fromEnvironment(env),
                Sites.parse(env.require(Sites.VARIABLE)),
                Categories.fromEnvironment(env),
                Clock.systemUTC(),
                new JsonLog("visits"));
    }

    /** The tests' constructor: every collaborator given, the budget categories template.yaml's default. */
    public VisitsFunction(
            Tables tables,
            DynamoDbConnection dynamo,
            FieldEncryption encryption,
            Hmac serverKey,
            Sites sites,
            Clock clock,
            JsonLog log) {
        this(tables, dynamo, encryption, serverKey, sites, Categories.parse(Categories.DEFAULT), clock, log);
    }

    /** Every collaborator given; the client is opened here, with encryption. */
    public VisitsFunction(
            Tables tables,
            DynamoDbConnection dynamo,
            FieldEncryption encryption,
            Hmac serverKey,
            Sites sites,
            Categories categories,
            Clock clock,
            JsonLog log) {
        this(
                wire(
                        tables,
                        dynamo.open(encryption.interceptor(tables.encrypted())),
                        encryption,
                        serverKey,
                        new ReferenceLists(sites, categories),
                        sites,
                        clock),
                log);
    }

    private VisitsFunction(Wiring wiring, JsonLog log) {
        super(wiring.routes(), log);
        warmUp = wiring.warmUp();
    }

    private record Wiring(List<Route> routes, Runnable warmUp) {}

    /** The table names, as template.yaml passes them in the environment. */
    public record Tables(String patients, String visits, String idempotency, String audit) {
        public static Tables fromEnvironment(Environment env) {
            return new Tables(
                    env.require("PATIENTS_TABLE"),
                    env.require("VISITS_TABLE"),
                    env.require("IDEMPOTENCY_TABLE"),
                    env.require(AuditTrail.TABLE_VARIABLE));
        }

        /** Patients and visits hold personal data; the idempotency and audit tables hold none. */
        public List<EncryptedTable> encrypted() {
            return List.of(PatientItem.encryption(patients), VisitItem.encryption(visits));
        }
    }

    private static Wiring wire(
            Tables tables,
            DynamoDbClient dynamo,
            FieldEncryption encryption,
            Hmac serverKey,
            ReferenceLists reference,
            Sites sites,
            Clock clock) {
        var enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo).build();
        var idempotency =
                new IdempotencyStore(enhanced.table(tables.idempotency(), IdempotencyItem.SCHEMA), serverKey, clock);
        var cursor = new Cursor(serverKey);
        var audit = new AuditTrail(dynamo, tables.audit(), clock);
        var patientRepository = new PatientRepository(
                dynamo,
                audit,
                enhanced.table(tables.patients(), PatientItem.SCHEMA),
                idempotency,
                clock,
                HelpNumber::random);
        var visitTable = enhanced.table(tables.visits(), VisitItem.SCHEMA);
        var merges = new PatientMerges(dynamo, audit, patientRepository, visitTable, tables.patients());
        var visitRepository = new VisitRepository(
                dynamo, audit, visitTable, tables.patients(), patientRepository, merges, idempotency, clock);
        var patients = new PatientRoutes(
                patientRepository, new PatientErasure(patientRepository, merges), idempotency, audit, cursor, clock);
        var visits = new VisitRoutes(visitRepository, idempotency, audit, sites, cursor, clock);
        var merging = new MergeRoutes(merges, idempotency, audit);
        Runnable warmUp = () -> {
            encryption.warmUp(tables.encrypted());
            // a registration up to its JSON response, refused by DynamoDB at the end: nothing is written
            var registration = SnapStartPriming.routeRequest(
                    "POST /patients",
                    primingPatient(1990),
                    "clinician",
                    Map.of(IdempotencyStore.HEADER, UUID.randomUUID().toString()));
            Json.write(patients.rehearseRegistration(registration).body());
        };
        return new Wiring(
                List.of(
                        Route.of("POST /patients", CARE, patients::register),
                        Route.of("GET /patients", CARE, patients::searchDuplicates),
                        Route.of("GET /patients/{helpNumber}", CARE, patients::get),
                        Route.of("PUT /patients/{helpNumber}", CARE, patients::replace),
                        Route.of("DELETE /patients/{helpNumber}", Set.of(ADMIN), patients::erase),
                        Route.of("POST /patients/{helpNumber}/merges", Set.of(COORDINATOR), merging::merge),
                        Route.of("POST /visits", CARE, visits::register),
                        Route.of("GET /visits", CARE, visits::atSite),
                        Route.of("GET /patients/{helpNumber}/visits", CARE, visits::ofPatient),
                        reference.route(),
                        new OpenApiDocument().route()),
                warmUp);
    }
}
