package dk.fristed.admin;

import dk.fristed.audit.AuditEntry;
import dk.fristed.devkit.ApiEvents;
import dk.fristed.devkit.FunctionTestbed;
import dk.fristed.devkit.LocalContext;
import dk.fristed.devkit.RouteProfiles;
import dk.fristed.devkit.SamTemplate;
import dk.fristed.helpnumber.HelpNumber;
import dk.fristed.log.JsonLog;
import dk.fristed.paging.Hmac;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The admin reads the audit trail per patient and per user; nobody else can. */
class AdminFunctionIT {
    private final FunctionTestbed testbed = new FunctionTestbed();
    private final AdminFunction function = new AdminFunction(
            testbed.tables.get("AuditTable"),
            testbed.connection().open(),
            new Hmac(new byte[32]),
            new JsonLog("admin", new PrintStream(OutputStream.nullOutputStream())));
    private final HelpNumber patient = HelpNumber.random();

    AdminFunctionIT() {
        testbed.serve(function);
        var table = DynamoDbEnhancedClient.builder()
                .dynamoDbClient(testbed.raw)
                .build()
                .table(testbed.tables.get("AuditTable"), AuditEntry.SCHEMA);
        for (int minute = 10; minute < 15; minute++) {
            table.putItem(entry(patient, "nurse-1", "2025-03-04T10:" + minute + ":00Z"));
        }
        table.putItem(entry(HelpNumber.random(), "nurse-1", "2025-03-04T11:00:00Z"));
        table.putItem(entry(HelpNumber.random(), "doctor-2", "2025-03-04T12:00:00Z"));
    }

    @Test
    void auditOfPatient_newestFirst_pagedWithCursor() {
        List<String> times = new ArrayList<>();
        String cursor = null;
        do {
            var page = testbed.call(
                    "GET",
                    "/audit/patients/" + patient.formatted() + "?limit=2" + (cursor == null ? "" : "&cursor=" + cursor),
                    "admin",
                    null);
            assertEquals(200, page.status());
            page.body().get("items").forEach(e -> times.add(e.get("at").asText()));
            cursor = page.body().hasNonNull("nextCursor")
                    ? page.body().get("nextCursor").asText()
                    : null;
        } while (cursor != null);

        assertEquals(
                List.of(
                        "2025-03-04T10:14:00Z",
                        "2025-03-04T10:13:00Z",
                        "2025-03-04T10:12:00Z",
                        "2025-03-04T10:11:00Z",
                        "2025-03-04T10:10:00Z"),
                times);
    }

    @Test
    void auditOfUser_listsEveryPatientTheUserTouched() {
        var page = testbed.call("GET", "/audit/users/nurse-1", "admin", null);

        assertEquals(6, page.body().get("items").size());
        assertEquals(
                "GET /patients/{helpNumber}",
                page.body().get("items").get(0).get("route").asText());
        assertEquals(
                List.of("clinician"),
                List.of(page.body().get("items").get(0).get("roles").get(0).asText()));
    }

    @Test
    void otherRolesAndBadInput_areRefused() {
        for (String role : List.of("clinician", "coordinator", "finance")) {
            assertEquals(
                    403, testbed.call("GET", "/audit/users/nurse-1", role, null).status());
        }
        assertEquals(
                401, testbed.call("GET", "/audit/users/nurse-1", null, null).status());
        assertEquals(
                "subject",
                testbed.call("GET", "/audit/users/a%20b", "admin", null).problemField());
        assertEquals(
                "helpNumber",
                testbed.call("GET", "/audit/patients/K7MQ-X9PA", "admin", null).problemField());
    }

    @Test
    void oneQueryPerPage_andTheTemplateWiresExactlyTheseRoutes() {
        testbed.dynamoCalls.reset();
        testbed.call("GET", "/audit/patients/" + patient.formatted(), "admin", null);
        assertEquals(RouteProfiles.of("GET /audit/patients/{helpNumber}").dynamoCalls(), testbed.dynamoCalls.list());

        var definition = SamTemplate.ofProject().functions().stream()
                .filter(f -> f.handlerClass().equals(AdminFunction.class.getName()))
                .findFirst()
                .orElseThrow();
        assertEquals(
                definition.routes().stream()
                        .map(SamTemplate.HttpRoute::key)
                        .collect(Collectors.toCollection(TreeSet::new)),
                new TreeSet<>(function.routes().keySet()));
    }

    @Test
    void fixtures_areServed() {
        for (String fixture : List.of("get-audit-patient.json", "get-audit-user.json")) {
            var response = function.handleRequest(
                    ApiEvents.read(ApiEvents.fixture(fixture)), new LocalContext("AdminFunction"));
            assertEquals(200, response.getStatusCode(), fixture);
        }
    }

    private static AuditEntry entry(HelpNumber patient, String subject, String at) {
        AuditEntry entry = new AuditEntry();
        entry.setHelpNumber(patient.value());
        entry.setEntryKey(at + "#" + Long.toHexString(System.nanoTime()));
        entry.setSubject(subject);
        entry.setRoles("clinician");
        entry.setRoute("GET /patients/{helpNumber}");
        entry.setAction("read");
        entry.setAt(at);
        return entry;
    }
}
