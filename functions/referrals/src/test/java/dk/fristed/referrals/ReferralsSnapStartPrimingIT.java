package dk.fristed.referrals;

import dk.fristed.devkit.LocalContext;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** SnapStart priming of the referral functions warms every layer and writes nothing. */
class ReferralsSnapStartPrimingIT {
    private final ReferralsApi api = new ReferralsApi();

    @Test
    void primingRequests_onlyReadAndWriteNothing() {
        api.dynamoCalls.reset();

        api.function.warmUp.run();
        List<Integer> statuses = ReferralsFunction.primingRequests().stream()
                .map(request -> api.function
                        .handleRequest(request, new LocalContext("ReferralsFunction"))
                        .getStatusCode())
                .toList();

        assertEquals(List.of(404, 400, 200), statuses);
        assertEquals(
                List.of("transactWriteItems", "getItem", "query", "query", "query", "query"),
                api.dynamoCalls.list(),
                "the rehearsed creation (cancelled), a read, then one query per site");
        var rehearsal = (software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest)
                api.dynamoCalls.requests().get(0);
        assertEquals(
                5,
                rehearsal.transactItems().size(),
                "a creation's whole transaction: referral, history, patient check, audit, claim");
        for (String table : api.tables.values()) {
            assertEquals(0, api.raw.scan(r -> r.tableName(table)).count(), table);
        }
    }

    @Test
    void routesInTemplate_areExactlyTheFunctionsRouteTable() {
        var definition = dk.fristed.devkit.SamTemplate.ofProject().functions().stream()
                .filter(f -> f.handlerClass().equals(ReferralsFunction.class.getName()))
                .findFirst()
                .orElseThrow();
        assertEquals(
                new java.util.TreeSet<>(definition.routes().stream()
                        .map(dk.fristed.devkit.SamTemplate.HttpRoute::key)
                        .toList()),
                new java.util.TreeSet<>(api.function.routes().keySet()));
    }
}
