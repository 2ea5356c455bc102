package dk.fristed.reports;

import dk.fristed.devkit.LocalContext;
import dk.fristed.devkit.SamTemplate;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** SnapStart priming of the reports function warms every layer and writes nothing. */
class ReportsSnapStartPrimingIT {
    private final ReportsApi api = new ReportsApi();

    @Test
    void primingRequests_onlyReadAndWriteNothing() {
        api.testbed.dynamoCalls.reset();

        api.function.warmUp.run();
        List<Integer> statuses = ReportsFunction.primingRequests().stream()
                .map(request -> api.function
                        .handleRequest(request, new LocalContext("ReportsFunction"))
                        .getStatusCode())
                .toList();

        assertEquals(List.of(400, 400), statuses);
        var calls = api.testbed.dynamoCalls.list();
        assertEquals(
                List.of(),
                calls.stream()
                        .filter(c -> !c.equals("query") && !c.equals("getItem"))
                        .toList(),
                "a whole report of 2009 (queries, and the budget's year: not set up) and nothing else");
        for (String table : api.tables.values()) {
            assertEquals(0, api.testbed.raw.scan(r -> r.tableName(table)).count(), table);
        }
    }

    @Test
    void routesInTemplate_areExactlyTheFunctionsRouteTable() {
        var definition = SamTemplate.ofProject().functions().stream()
                .filter(f -> f.handlerClass().equals(ReportsFunction.class.getName()))
                .findFirst()
                .orElseThrow();
        assertEquals(
                new TreeSet<>(definition.routes().stream()
                        .map(SamTemplate.HttpRoute::key)
                        .toList()),
                new TreeSet<>(api.function.routes().keySet()));
    }
}
