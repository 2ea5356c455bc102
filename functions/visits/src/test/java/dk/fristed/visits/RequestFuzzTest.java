package dk.fristed.visits;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dk.fristed.devkit.FuzzedRequests;
import dk.fristed.devkit.LocalContext;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Coverage-guided fuzzing of request handling (Jazzer): any route, path value, query and body the
 * fuzzer makes up is answered below 500 with a JSON document. Runs for a bounded time in make test.
 */
class RequestFuzzTest {
    private static final VisitsApi API = new VisitsApi();
    private static final String KNOWN_PATIENT = API.registerPatient(null);
    private static final List<String> ROUTES = List.copyOf(API.function.routes().keySet());
    private static final String[] QUERY_NAMES = {
        "site", "from", "to", "limit", "cursor", "birthYear", "sex", "nationality", "name"
    };

    @FuzzTest
    void anyRequest_isAnsweredWithoutServerError(FuzzedDataProvider data) {
        // a coordinator reaches every route a clinician does, and merges too
        APIGatewayV2HTTPEvent event =
                FuzzedRequests.request(data, ROUTES, Map.of("helpNumber", KNOWN_PATIENT), QUERY_NAMES, "coordinator");
        String route = event.getRouteKey();

        var response = API.function.handleRequest(event, new LocalContext("VisitsFunction"));

        assertTrue(response.getStatusCode() < 500, () -> route + " answered " + response.getStatusCode());
        assertTrue(response.getBody() != null && response.getBody().startsWith("{"), route);
    }
}
