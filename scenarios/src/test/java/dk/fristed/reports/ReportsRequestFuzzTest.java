package dk.fristed.reports;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dk.fristed.devkit.FuzzedRequests;
import dk.fristed.devkit.LocalContext;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Coverage-guided fuzzing of the report and open-day routes (Jazzer): any route, path value, query and
 * body the fuzzer makes up is answered below 500, with JSON, or CSV from a report asked for as CSV.
 */
class ReportsRequestFuzzTest {
    /**
     * The reads in the fuzzer's own thread: Jazzer's runtime stops other threads it finds running
     * instrumented code (a "HardToCatchError" from their uncaught-exception handler), so the report's
     * side-by-side reads are left to the other tests and the bench; the code fuzzed is the same.
     */
    private static final ReportsApi API = new ReportsApi(Runnable::run);

    static {
        ClinicYear.make(API, 4, 3);
    }

    private static final List<String> ROUTES = List.copyOf(API.function.routes().keySet());
    private static final String[] QUERY_NAMES = {"from", "to", "site", "format", "version", "limit", "cursor"};

    @FuzzTest
    void anyRequest_isAnsweredWithoutServerError(FuzzedDataProvider data) {
        APIGatewayV2HTTPEvent event = FuzzedRequests.request(
                data,
                ROUTES,
                Map.of("year", "2024", "site", "odense", "date", "2024-03-04"),
                QUERY_NAMES,
                data.pickValue(new String[] {"coordinator", "finance", "admin"}));
        String route = event.getRouteKey();

        var response = API.function.handleRequest(event, new LocalContext("ReportsFunction"));

        assertTrue(response.getStatusCode() < 500, () -> route + " answered " + response.getStatusCode());
        if (response.getStatusCode() == 204) {
            return;
        }
        String body = response.getBody();
        assertTrue(body != null && (body.startsWith("{") || body.startsWith("\uFEFFfigure,value")), route);
    }
}
