package dk.fristed.visits;

import dk.fristed.devkit.LocalContext;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** SnapStart priming must warm every layer and change nothing. */
class SnapStartPrimingIT {
    private final VisitsApi api = new VisitsApi();

    @Test
    void primingRequests_readOnceAndWriteNothing() {
        api.dynamoCalls.reset();

        api.function.warmUp.run();

        List<Integer> statuses = VisitsFunction.primingRequests().stream()
                .map(request -> api.function
                        .handleRequest(request, new LocalContext("VisitsFunction"))
                        .getStatusCode())
                .toList();

        assertEquals(List.of(404, 400), statuses);
        assertEquals(
                List.of("transactWriteItems", "getItem"),
                api.dynamoCalls.list(),
                "the rehearsed registration, the read");
        var rehearsal = (TransactWriteItemsRequest) api.dynamoCalls.requests().get(0);
        assertEquals(
                List.of(
                        api.tables.get("PatientsTable"),
                        api.tables.get("AuditTable"),
                        api.tables.get("IdempotencyTable")),
                rehearsal.transactItems().stream()
                        .map(item -> item.put().tableName())
                        .toList(),
                "a registration's whole transaction: the patient, its audit entry, the request's idempotency claim");
        for (String table : api.tables.values()) {
            assertEquals(0, api.raw.scan(r -> r.tableName(table)).count(), table);
        }
    }
}
