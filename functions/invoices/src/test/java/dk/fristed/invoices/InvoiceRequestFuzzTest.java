package dk.fristed.invoices;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dk.fristed.devkit.FuzzedRequests;
import dk.fristed.devkit.LocalContext;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Coverage-guided fuzzing of the invoice routes (Jazzer): any route, path value, query and body the
 * fuzzer makes up is answered below 500, with a JSON document or, from the export, a CSV file.
 * Runs for a bounded time in make test.
 */
class InvoiceRequestFuzzTest {
    private static final InvoicesApi API = new InvoicesApi();
    private static final String KNOWN_PATIENT = API.registerPatient();
    private static final String KNOWN_INVOICE = API.create(KNOWN_PATIENT, "odense", "2025-02-01", 10_000, "DKK");
    private static final List<String> ROUTES = List.copyOf(API.function.routes().keySet());
    private static final String[] QUERY_NAMES = {"site", "from", "to", "state", "limit", "cursor"};

    @FuzzTest
    void anyRequest_isAnsweredWithoutServerError(FuzzedDataProvider data) {
        APIGatewayV2HTTPEvent event = FuzzedRequests.request(
                data,
                ROUTES,
                Map.of("helpNumber", KNOWN_PATIENT, "invoiceId", KNOWN_INVOICE),
                QUERY_NAMES,
                "coordinator");
        String route = event.getRouteKey();

        var response = API.function.handleRequest(event, new LocalContext("InvoicesFunction"));

        assertTrue(response.getStatusCode() < 500, () -> route + " answered " + response.getStatusCode());
        boolean csv = response.getStatusCode() == 200 && route.equals("GET /invoices/export");
        assertTrue(
                response.getBody() != null
                        && (csv
                                ? response.getBody().startsWith("\uFEFFinvoice_id,")
                                : response.getBody().startsWith("{")),
                route);
    }
}
