package dk.fristed.referrals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dk.fristed.devkit.FunctionTestbed;
import dk.fristed.devkit.LocalContext;

import java.util.HashMap;
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

    @FuzzTest(maxDuration = "10s")
    void anyRequest_isAnsweredWithoutServerError(FuzzedDataProvider data) {
        String route = data.pickValue(ROUTES);
        Map<String, String> path = new HashMap<>();
        if (route.contains("{helpNumber}")) {
            path.put("helpNumber", data.consumeBoolean() ? KNOWN_PATIENT : data.consumeString(24));
        }
        if (route.contains("{referralId}")) {
            path.put("referralId", data.consumeBoolean() ? KNOWN_REFERRAL : data.consumeString(24));
        }
        Map<String, String> query = new HashMap<>();
        int parameters = data.consumeInt(0, 4);
        for (int i = 0; i < parameters; i++) {
            query.put(data.pickValue(QUERY_NAMES), data.consumeString(40));
        }
        Map<String, String> headers = new HashMap<>();
        headers.put("content-type", "application/json");
        if (data.consumeBoolean()) {
            headers.put("idempotency-key", data.consumeString(40));
        }
        if (data.consumeBoolean()) {
            headers.put("if-match", data.consumeString(8));
        }
        String body = data.consumeRemainingAsString();
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withRouteKey(route)
                .withRawPath("/fuzz")
                .withHeaders(headers)
                .withPathParameters(path.isEmpty() ? null : path)
                .withQueryStringParameters(query.isEmpty() ? null : query)
                .withBody(body.isEmpty() ? null : body)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId("fuzz")
                        .withRouteKey(route)
                        .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                                .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                                        .withClaims(FunctionTestbed.claims("clinician")).build())
                                .build())
                        .build())
                .build();

        var response = API.function.handleRequest(event, new LocalContext("ReferralsFunction"));

        assertTrue(response.getStatusCode() < 500, () -> route + " answered " + response.getStatusCode());
        assertTrue(response.getBody() != null && response.getBody().startsWith("{"), route);
    }
}
