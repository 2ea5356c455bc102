package dk.fristed.visits;

import dk.fristed.devkit.DynamoDbCalls;
import dk.fristed.devkit.FunctionTestbed;
import dk.fristed.log.JsonLog;
import dk.fristed.paging.Hmac;
import dk.fristed.site.Sites;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The visits function on a {@link FunctionTestbed}, with the bodies a clinic sends. */
final class VisitsApi {
    static final Sites SITES = Sites.parse("copenhagen,aarhus,odense,aalborg");

    private final FunctionTestbed testbed = new FunctionTestbed();
    final DynamoDbCalls dynamoCalls = testbed.dynamoCalls;
    /** A plain client: the tables as anyone with access to them sees them, without the function's key. */
    final DynamoDbClient raw = testbed.raw;

    final Map<String, String> tables = testbed.tables;
    final ByteArrayOutputStream logs = new ByteArrayOutputStream();
    final VisitsFunction function;

    VisitsApi() {
        this(Clock.systemUTC());
    }

    VisitsApi(Clock clock) {
        var names = new VisitsFunction.Tables(
                tables.get("PatientsTable"),
                tables.get("VisitsTable"),
                tables.get("IdempotencyTable"),
                tables.get("AuditTable"));
        function = new VisitsFunction(
                names,
                testbed.connection(),
                testbed.fieldEncryption,
                new Hmac(new byte[32]),
                SITES,
                clock,
                new JsonLog("visits", new PrintStream(logs, true, StandardCharsets.UTF_8)));
        testbed.serve(function);
    }

    static Map<String, String> claims(String group) {
        return FunctionTestbed.claims(group);
    }

    FunctionTestbed.Response call(
            String method, String pathAndQuery, String role, Object body, Map<String, String> headers) {
        return testbed.call(method, pathAndQuery, role, body, headers);
    }

    FunctionTestbed.Response call(String method, String pathAndQuery, String role, Object body) {
        return testbed.call(method, pathAndQuery, role, body);
    }

    /** A patient body with the fields a coordinator fills in. */
    static Map<String, Object> patient(int birthYear, String sex, String nationality, String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("birthYear", birthYear);
        body.put("sex", sex);
        body.put("nationality", nationality);
        body.put("languages", List.of("ro", "en"));
        body.put("interpreterNeeded", true);
        if (name != null) {
            body.put("name", name);
            body.put("phone", "+45 20 12 34 56");
        }
        return body;
    }

    static Map<String, Object> visit(String helpNumber, String site, String date, String service, String... diagnoses) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("helpNumber", helpNumber);
        body.put("site", site);
        body.put("date", date);
        body.put("service", service);
        body.put("diagnoses", List.of(diagnoses));
        return body;
    }

    String registerPatient(String name) {
        var created = call("POST", "/patients", "clinician", patient(1985, "female", "RO", name));
        if (created.status() != 201) {
            throw new AssertionError("registration failed: " + created);
        }
        return created.body().get("helpNumber").asText();
    }

    String logOutput() {
        return logs.toString(StandardCharsets.UTF_8);
    }
}
