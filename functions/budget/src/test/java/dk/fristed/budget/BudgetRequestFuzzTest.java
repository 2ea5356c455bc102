package dk.fristed.budget;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dk.fristed.devkit.FuzzedRequests;
import dk.fristed.devkit.LocalContext;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Coverage-guided fuzzing of the budget routes (Jazzer): any route, path value, query and body the
 * fuzzer makes up is answered below 500, with JSON, or from the chart and export routes SVG and CSV.
 */
class BudgetRequestFuzzTest {
    private static final BudgetApi API = new BudgetApi();
    private static final String KNOWN_SOURCE;

    static {
        API.year(2025, 1_000_000, Map.of());
        KNOWN_SOURCE = API.source("foundation", "Fuzz Fonden");
        API.pay(2025, KNOWN_SOURCE, 1_000, "2025-03-01");
    }

    private static final List<String> ROUTES = List.copyOf(API.function.routes().keySet());
    private static final String[] QUERY_NAMES = {"limit", "cursor"};

    @FuzzTest
    void anyRequest_isAnsweredWithoutServerError(FuzzedDataProvider data) {
        APIGatewayV2HTTPEvent event = FuzzedRequests.request(
                data, ROUTES, Map.of("year", "2025", "sourceId", KNOWN_SOURCE), QUERY_NAMES, "finance");
        String route = event.getRouteKey();

        var response = API.function.handleRequest(event, new LocalContext("BudgetFunction"));

        assertTrue(response.getStatusCode() < 500, () -> route + " answered " + response.getStatusCode());
        String body = response.getBody();
        if (response.getStatusCode() == 204) {
            return;
        }
        boolean text = response.getStatusCode() == 200 && (route.endsWith("/chart") || route.endsWith("/export"));
        assertTrue(
                body != null
                        && (text ? body.startsWith("<svg") || body.startsWith("\uFEFFentry,") : body.startsWith("{")),
                route);
    }
}
