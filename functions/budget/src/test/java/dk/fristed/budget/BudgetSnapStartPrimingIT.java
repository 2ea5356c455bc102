package dk.fristed.budget;

import dk.fristed.devkit.LocalContext;
import dk.fristed.devkit.SamTemplate;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** SnapStart priming of the budget function warms every layer and writes nothing. */
class BudgetSnapStartPrimingIT {
    private final BudgetApi api = new BudgetApi();

    @Test
    void primingRequests_onlyReadAndWriteNothing() {
        api.testbed.dynamoCalls.reset();

        api.function.warmUp.run();
        List<Integer> statuses = BudgetFunction.primingRequests().stream()
                .map(request -> api.function
                        .handleRequest(request, new LocalContext("BudgetFunction"))
                        .getStatusCode())
                .toList();

        assertEquals(List.of(404, 400, 200), statuses);
        assertEquals(
                List.of("transactWriteItems", "getItem", "query"),
                api.testbed.dynamoCalls.list(),
                "the rehearsed registration of a source (cancelled), a year nobody set up, then the sources");
        for (String table : api.tables.values()) {
            assertEquals(0, api.testbed.raw.scan(r -> r.tableName(table)).count(), table);
        }
    }

    @Test
    void routesInTemplate_areExactlyTheFunctionsRouteTable() {
        var definition = SamTemplate.ofProject().functions().stream()
                .filter(f -> f.handlerClass().equals(BudgetFunction.class.getName()))
                .findFirst()
                .orElseThrow();
        assertEquals(
                new TreeSet<>(definition.routes().stream()
                        .map(SamTemplate.HttpRoute::key)
                        .toList()),
                new TreeSet<>(api.function.routes().keySet()));
    }
}
