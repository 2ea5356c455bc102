package dk.fristed.referrals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dk.fristed.devkit.FuzzedRequests;
import dk.fristed.devkit.LocalContext;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Coverage-guided fuzzing of the referral routes (Jazzer): any route, path value, query and body the
 * fuzzer makes up is answered below 500 with a JSON document. Runs for a bounded time in make test.
 */
class ReferralRequestFuzzTest {
    private static final ReferralsApi API = new ReferralsApi();
    private static final String KNOWN_PATIENT = API.registerPatient();
    private static final String KNOWN_REFERRAL = API.create(KNOWN_PATIENT, "odense", "2025-02-01", "examination");
    private static final List<String> ROUTES = List.copyOf(API.function.routes().keySet());
    private static final String[] QUERY_NAMES = {"site", "from", "to", "state", "limit", "cursor"};

    @FuzzTest
    void anyRequest_isAnsweredWithoutServerError(FuzzedDataProvider data) {
        APIGatewayV2HTTPEvent event = FuzzedRequests.request(
                data,
                ROUTES,
                Map.of("helpNumber", KNOWN_PATIENT, "referralId", KNOWN_REFERRAL),
                QUERY_NAMES,
                "clinician");
        String route = event.getRouteKey();

        var response = API.function.handleRequest(event, new LocalContext("ReferralsFunction"));

        assertTrue(response.getStatusCode() < 500, () -> route + " answered " + response.getStatusCode());
        assertTrue(response.getBody() != null && response.getBody().startsWith("{"), route);
    }
}
