package dk.fristed.budget;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dk.fristed.auth.Role;
import dk.fristed.aws.DynamoDbConnection;
import dk.fristed.aws.ServerKey;
import dk.fristed.budget.ledger.BudgetRepository;
import dk.fristed.budget.ledger.BudgetRoutes;
import dk.fristed.config.Categories;
import dk.fristed.config.Environment;
import dk.fristed.encryption.FieldEncryption;
import dk.fristed.http.ApiFunction;
import dk.fristed.http.Route;
import dk.fristed.http.SnapStartPriming;
import dk.fristed.idempotency.IdempotencyItem;
import dk.fristed.idempotency.IdempotencyStore;
import dk.fristed.json.Json;
import dk.fristed.log.JsonLog;
import dk.fristed.paging.Cursor;
import dk.fristed.paging.Hmac;
import dk.fristed.records.ledger.BudgetItem;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static dk.fristed.auth.Role.ADMIN;
import static dk.fristed.auth.Role.FINANCE;

/**
 * The budget Lambda function: the yearly need, funding sources, pledges, payments, expenses, and the
 * progress, chart and export computed from them. No patient data; donors' names are encrypted.
 * Handler in template.yaml: {@code dk.fristed.budget.BudgetFunction::handleRequest}.
 */
public final class BudgetFunction extends ApiFunction
        // declared again so that AWS's SnapStart scanner sees a handler (it reads only a class's own interfaces)
        implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    /** Finance volunteers keep the books; admins may look. Clinicians and coordinators: 403. */
    static final Set<Role> FINANCE_AND_ADMIN = Set.of(FINANCE, ADMIN);

    public static final String CURRENCY_VARIABLE = "BUDGET_CURRENCY";

    /** The table names template.yaml passes. */
    public record Tables(String budget, String idempotency) {
        static Tables fromEnvironment(Environment env) {
            return new Tables(env.require("BUDGET_TABLE"), env.require("IDEMPOTENCY_TABLE"));
        }
    }

    /** Encryption of the donors' names and the ledger, and a source's registering transaction, warmed before the snapshot. */
    final Runnable warmUp;

    /** Lambda's constructor: clients built once per container and primed for SnapStart with requests that write nothing. */
    public BudgetFunction() {
        this(Environment.system());
        primeBeforeSnapshot(primingRequests(), warmUp);
    }

    /** Reads that find nothing (a year nobody set up: 404), a body that fails validation (400), the sources (one query). */
    static List<APIGatewayV2HTTPEvent> primingRequests() {
        return List.of(
                SnapStartPriming.request("GET /budget/years/{year}/progress", Map.of("year", "2009"), null, "finance"),
                SnapStartPriming.request(
                        "POST /budget/years/{year}/entries",
                        Map.of("year", "2009"),
                        "{\"kind\":\"payment\"}",
                        "finance"),
                SnapStartPriming.request("GET /budget/sources", null, null, "finance"));
    }

    public BudgetFunction(Environment env) {
        this(
                Tables.fromEnvironment(env),
                DynamoDbConnection.of(env),
                FieldEncryption.fromEnvironment(env),
                ServerKey.fromEnvironment(env),
                env.get(CURRENCY_VARIABLE, "DKK"),
                Categories.fromEnvironment(env),
                Clock.systemUTC(),
                new JsonLog("budget"));
    }

    public BudgetFunction(
            Tables tables,
            DynamoDbConnection connection,
            FieldEncryption encryption,
            Hmac serverKey,
            String currency,
            Categories categories,
            Clock clock,
            JsonLog log) {
        this(wire(tables, connection, encryption, serverKey, currency, categories, clock), log);
    }

    private BudgetFunction(Wiring wiring, JsonLog log) {
        super(wiring.routes(), log);
        warmUp = wiring.warmUp();
    }

    private record Wiring(List<Route> routes, Runnable warmUp) {}

    private static Wiring wire(
            Tables tables,
            DynamoDbConnection connection,
            FieldEncryption encryption,
            Hmac serverKey,
            String currency,
            Categories categories,
            Clock clock) {
        var encrypted = List.of(BudgetItem.encryption(tables.budget()));
        DynamoDbClient dynamo = connection.open(encryption.interceptor(encrypted));
        var enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo).build();
        var routes = new BudgetRoutes(
                new BudgetRepository(dynamo, enhanced.table(tables.budget(), BudgetItem.SCHEMA), clock),
                new IdempotencyStore(enhanced.table(tables.idempotency(), IdempotencyItem.SCHEMA), serverKey, clock),
                new Cursor(serverKey),
                currency,
                categories,
                clock);
        return new Wiring(
                List.of(
                        Route.of("POST /budget/years", FINANCE_AND_ADMIN, routes::createYear),
                        Route.of("POST /budget/sources", FINANCE_AND_ADMIN, routes::createSource),
                        Route.of("GET /budget/sources", FINANCE_AND_ADMIN, routes::sources),
                        Route.of("DELETE /budget/sources/{sourceId}", FINANCE_AND_ADMIN, routes::eraseSource),
                        Route.of("POST /budget/years/{year}/entries", FINANCE_AND_ADMIN, routes::addEntry),
                        Route.of("GET /budget/years/{year}/entries", FINANCE_AND_ADMIN, routes::entries),
                        Route.of("GET /budget/years/{year}/progress", FINANCE_AND_ADMIN, routes::progress),
                        Route.of("GET /budget/years/{year}/chart", FINANCE_AND_ADMIN, routes::chart),
                        Route.of("GET /budget/years/{year}/export", FINANCE_AND_ADMIN, routes::export)),
                () -> {
                    encryption.warmUp(encrypted);
                    // a source registered up to its JSON answer, refused by DynamoDB at the end: nothing is written
                    Json.write(routes.rehearseCreateSource(SnapStartPriming.routeRequest(
                            "POST /budget/sources",
                            "{\"type\":\"foundation\",\"name\":\"priming\"}",
                            "finance",
                            Map.of(IdempotencyStore.HEADER, UUID.randomUUID().toString()))));
                });
    }
}
