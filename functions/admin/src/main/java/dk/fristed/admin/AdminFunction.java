package dk.fristed.admin;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dk.fristed.audit.AuditEntry;
import dk.fristed.audit.AuditTrail;
import dk.fristed.aws.AwsClients;
import dk.fristed.aws.ServerKey;
import dk.fristed.config.Environment;
import dk.fristed.helpnumber.HelpNumber;
import dk.fristed.http.ApiFunction;
import dk.fristed.http.Route;
import dk.fristed.http.SnapStartPriming;
import dk.fristed.log.JsonLog;
import dk.fristed.paging.Cursor;
import dk.fristed.paging.Hmac;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static dk.fristed.auth.Role.ADMIN;

/**
 * The admin Lambda function: reads the audit trail per patient and per user. It may only query the
 * audit table; it cannot read patient records or write anything. Handler in template.yaml:
 * {@code dk.fristed.admin.AdminFunction::handleRequest}.
 */
public final class AdminFunction extends ApiFunction
        // declared again so that AWS's SnapStart scanner sees a handler (it reads only a class's own interfaces)
        implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    /** Lambda's constructor: primed for SnapStart with a query that finds nothing (queries write nothing). */
    public AdminFunction() {
        this(Environment.system());
        primeBeforeSnapshot(List.of(SnapStartPriming.request(
                "GET /audit/patients/{helpNumber}",
                Map.of("helpNumber", HelpNumber.random().formatted()),
                null,
                "admin")));
    }

    /** The local runner's constructor. */
    public AdminFunction(Environment env) {
        this(
                env.require(AuditTrail.TABLE_VARIABLE),
                AwsClients.dynamoDb(env),
                ServerKey.fromEnvironment(env),
                new JsonLog("admin"));
    }

    /** The tests' constructor. */
    public AdminFunction(String auditTable, DynamoDbClient dynamo, Hmac serverKey, JsonLog log) {
        super(routes(auditTable, dynamo, serverKey), log);
    }

    private static List<Route> routes(String auditTable, DynamoDbClient dynamo, Hmac serverKey) {
        var table =
                DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo).build().table(auditTable, AuditEntry.SCHEMA);
        var audit = new AuditQueries(table, new Cursor(serverKey));
        return List.of(
                Route.of("GET /audit/patients/{helpNumber}", Set.of(ADMIN), audit::ofPatient),
                Route.of("GET /audit/users/{subject}", Set.of(ADMIN), audit::ofUser));
    }
}
