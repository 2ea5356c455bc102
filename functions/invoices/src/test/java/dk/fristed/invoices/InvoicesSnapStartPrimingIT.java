package dk.fristed.invoices;

import dk.fristed.devkit.LocalContext;
import dk.fristed.devkit.SamTemplate;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

import java.util.List;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** SnapStart priming of the invoices function warms every layer and writes nothing. */
class InvoicesSnapStartPrimingIT {
    private final InvoicesApi api = new InvoicesApi();

    @Test
    void primingRequests_onlyReadAndWriteNothing() {
        api.dynamoCalls.reset();

        api.function.warmUp.run();
        List<Integer> statuses = InvoicesFunction.primingRequests().stream()
                .map(request -> api.function
                        .handleRequest(request, new LocalContext("InvoicesFunction"))
                        .getStatusCode())
                .toList();

        assertEquals(List.of(404, 400, 200), statuses);
        assertEquals(
                List.of("transactWriteItems", "getItem", "query", "query", "query", "query"),
                api.dynamoCalls.list(),
                "the rehearsed registration (cancelled), a read, then one query per site");
        var rehearsal = (TransactWriteItemsRequest) api.dynamoCalls.requests().get(0);
        assertEquals(
                6,
                rehearsal.transactItems().size(),
                "a registration's whole transaction: invoice, history, guard, patient check, audit, claim");
        for (String table : api.tables.values()) {
            assertEquals(0, api.raw.scan(r -> r.tableName(table)).count(), table);
        }
    }

    @Test
    void routesInTemplate_areExactlyTheFunctionsRouteTable() {
        var definition = SamTemplate.ofProject().functions().stream()
                .filter(f -> f.handlerClass().equals(InvoicesFunction.class.getName()))
                .findFirst()
                .orElseThrow();
        assertEquals(
                new TreeSet<>(definition.routes().stream()
                        .map(SamTemplate.HttpRoute::key)
                        .toList()),
                new TreeSet<>(api.function.routes().keySet()));
    }
}
