package dk.fristed.local;

import dk.fristed.auth.Role;
import dk.fristed.devkit.FreePort;
import dk.fristed.devkit.SamTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The "Routes and roles" table of docs/api.md is the role matrix: this test reads it, drives every route
 * of every function through the local runner (JWT checks included) with every role and with no
 * token, and asserts exactly that table, so neither the code nor the table can change alone.
 */
class RoleMatrixIT {
    private static final Pattern ROW =
            Pattern.compile("^\\| `(GET|POST|PUT|PATCH|DELETE) ([^`?]+)[^`]*`[^|]*\\|(.*)\\|\\s*$");
    private static final List<Role> COLUMNS = List.of(Role.CLINICIAN, Role.COORDINATOR, Role.FINANCE, Role.ADMIN);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dataDir;

    private static LocalApi api;

    @BeforeAll
    static void start() throws Exception {
        api = LocalApi.start(
                SamTemplate.ofProject(), dataDir, dataDir.resolve("field-key"), FreePort.next(), FreePort.next());
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void everyRouteWithEveryRole_isExactlyTheReadmeTable() throws Exception {
        Map<String, Map<Role, Boolean>> documented = readmeTable();
        Set<String> deployed = new TreeSet<>();
        SamTemplate.ofProject().functions().forEach(f -> f.routes().forEach(r -> deployed.add(r.key())));
        assertEquals(
                deployed,
                new TreeSet<>(documented.keySet()),
                "the table in docs/api.md lists exactly the deployed routes");

        List<String> mismatches = new ArrayList<>();
        for (var row : documented.entrySet()) {
            String method = row.getKey().substring(0, row.getKey().indexOf(' '));
            String path = row.getKey()
                    .substring(row.getKey().indexOf(' ') + 1)
                    .replace("{helpNumber}", "K7MQ-X9PK")
                    .replace("{subject}", "someone")
                    .replace("{referralId}", "k7mqx9pkab")
                    .replace("{invoiceId}", "m4qx7nkab2")
                    .replace("{year}", "2025")
                    .replace("{sourceId}", "h7ktw2nq9a")
                    .replace("{site}", "odense")
                    .replace("{date}", "2025-03-03");
            int anonymous = send(method, path, null);
            if (anonymous != 401) {
                mismatches.add(row.getKey() + " without a token answered " + anonymous);
            }
            for (Role role : COLUMNS) {
                int status = send(method, path, api.authority().issue("matrix-" + role.groupName(), List.of(role)));
                boolean let = status != 401 && status != 403;
                if (let != row.getValue().get(role)) {
                    mismatches.add(row.getKey() + " as " + role.groupName() + " answered " + status
                            + ", docs/api.md says " + row.getValue().get(role));
                }
            }
        }
        assertEquals(List.of(), mismatches);
    }

    /**
     * What finance may use: routes that carry no help number and nothing about a patient (the reference
     * lists and the budget hold none; a report holds counts only, and finance is given its publishable version: ReportExactnessIT).
     */
    private static boolean withoutPatientData(String route) {
        return route.equals("GET /openapi.json")
                || route.equals("GET /reference")
                || route.equals("GET /invoices/totals")
                || route.contains(" /budget/")
                || route.startsWith("GET /reports");
    }

    @Test
    void financeNeverReachesPatientData_cliniciansNeverTheAuditTrail() throws IOException {
        readmeTable().forEach((route, allowed) -> {
            if (!withoutPatientData(route)) {
                assertFalse(allowed.get(Role.FINANCE), route);
            }
            if (route.contains("/audit/")) {
                assertFalse(allowed.get(Role.CLINICIAN) || allowed.get(Role.COORDINATOR), route);
            }
        });
    }

    private static int send(String method, String path, String token) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
                .method(
                        method,
                        method.equals("GET")
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    static Map<String, Map<Role, Boolean>> readmeTable() throws IOException {
        Map<String, Map<Role, Boolean>> table = new LinkedHashMap<>();
        for (String line :
                Files.readAllLines(SamTemplate.projectRoot().resolve("docs").resolve("api.md"))) {
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                String[] cells = row.group(3).split("\\|");
                Map<Role, Boolean> allowed = new LinkedHashMap<>();
                for (int i = 0; i < COLUMNS.size(); i++) {
                    allowed.put(COLUMNS.get(i), cells[i].trim().equals("yes"));
                }
                table.put(row.group(1) + " " + row.group(2).trim(), allowed);
            }
        }
        return table;
    }
}
