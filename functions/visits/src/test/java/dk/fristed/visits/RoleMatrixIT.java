package dk.fristed.visits;

import dk.fristed.auth.Role;
import dk.fristed.devkit.SamTemplate;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The README's "Routes and roles" table is the role matrix: this test reads it, drives every route
 * of the function with every role and with no token, and asserts exactly that table, so neither the
 * code nor the README can change alone.
 */
class RoleMatrixIT {
    private static final Pattern ROW = Pattern.compile("^\\| `(GET|POST|PUT|PATCH|DELETE) ([^`?]+)[^`]*`[^|]*\\|(.*)\\|\\s*$");
    private static final List<Role> COLUMNS = List.of(Role.CLINICIAN, Role.COORDINATOR, Role.FINANCE, Role.ADMIN);
    private final VisitsApi api = new VisitsApi();

    @Test
    void everyRouteWithEveryRole_isExactlyTheReadmeTable() throws IOException {
        Map<String, Map<Role, Boolean>> documented = readmeTable();
        assertEquals(new java.util.TreeSet<>(api.function.routes().keySet()), new java.util.TreeSet<>(documented.keySet()),
                "the README table lists exactly the function's routes");
        String helpNumber = api.registerPatient(null);

        List<String> mismatches = new ArrayList<>();
        documented.forEach((route, allowed) -> {
            String method = route.substring(0, route.indexOf(' '));
            String path = route.substring(route.indexOf(' ') + 1).replace("{helpNumber}", helpNumber);
            int anonymous = api.call(method, path, null, null).status();
            if (anonymous != 401) {
                mismatches.add(route + " without a token answered " + anonymous);
            }
            for (Role role : COLUMNS) {
                int status = api.call(method, path, role.groupName(), null).status();
                boolean let = status != 401 && status != 403;
                if (let != allowed.get(role)) {
                    mismatches.add(route + " as " + role.groupName() + " answered " + status + ", README says " + allowed.get(role));
                }
            }
        });
        assertEquals(List.of(), mismatches);
    }

    @Test
    void financeNeverReachesPatientData_noRouteIsOpenToEveryone() throws IOException {
        readmeTable().forEach((route, allowed) -> {
            if (!route.equals("GET /openapi.json")) {
                assertFalse(allowed.get(Role.FINANCE), route);
            }
        });
    }

    private static Map<String, Map<Role, Boolean>> readmeTable() throws IOException {
        Map<String, Map<Role, Boolean>> table = new LinkedHashMap<>();
        for (String line : Files.readAllLines(SamTemplate.projectRoot().resolve("README.md"))) {
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
