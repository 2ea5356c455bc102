package dk.fristed.visits;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.fristed.devkit.ApiEvents;
import dk.fristed.devkit.LocalContext;
import dk.fristed.devkit.OpenApiContract;
import dk.fristed.json.Json;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The sample events in events/ are real-shaped API Gateway events: each is read with Lambda's own
 * serializer and served by the function, so `sam local invoke -e events/...` and the tests agree.
 */
class EventFixturesIT {
    /** The help number the fixtures use; replaced by the one the first fixture registers. */
    private static final String FIXTURE_HELP_NUMBER = "K7MQ-X9PK";
    /** The duplicate the merge fixture names; replaced by a second registration's. */
    private static final String FIXTURE_DUPLICATE = "N3CN-ADJ8";

    private final VisitsApi api = new VisitsApi();

    @Test
    void fixtures_servedInAUsersOrder_allSucceed() {
        JsonNode registered = send("post-patients.json", null, 201);
        String helpNumber = registered.get("helpNumber").asText();

        send("post-visits.json", helpNumber, 201);
        assertEquals(
                helpNumber,
                send("get-patient.json", helpNumber, 200).get("helpNumber").asText());
        assertEquals(2, send("put-patient.json", helpNumber, 200).get("version").asInt());
        assertEquals(
                1, send("get-patient-visits.json", helpNumber, 200).get("items").size());
        assertEquals(1, send("get-visits.json", helpNumber, 200).get("items").size());
        assertEquals(
                "exact",
                send("get-patients-duplicates.json", helpNumber, 200)
                        .get("items")
                        .get(0)
                        .get("nameMatch")
                        .asText());
        assertEquals(
                "3.1.0",
                send("get-openapi.json", helpNumber, 200).get("openapi").asText());
        JsonNode reference = send("get-reference.json", helpNumber, 200);
        assertEquals("A01", reference.get("diagnosisCodes").get(0).asText());
        assertEquals(17, reference.get("diagnosisChapters").size());

        ObjectNode again = ApiEvents.fixture("post-patients.json");
        ((ObjectNode) again.get("headers"))
                .put("idempotency-key", java.util.UUID.randomUUID().toString()); // another registration
        String duplicate = send(again, null, 201).get("helpNumber").asText();
        ObjectNode merge = (ObjectNode)
                readTree(ApiEvents.fixture("post-patient-merge.json").toString().replace(FIXTURE_DUPLICATE, duplicate));
        JsonNode merged = send(merge, helpNumber, 200);
        assertEquals(duplicate, merged.get("mergedFrom").get(0).asText());
        assertEquals(3, merged.get("version").asInt());
    }

    @Test
    void location_staysInsideTheApiTheClientCalled() {
        // the execute-api URL of a named stage: /prod/patients
        var created = api.function.handleRequest(
                ApiEvents.read(ApiEvents.fixture("post-patients.json")), new LocalContext("VisitsFunction"));
        assertEquals(
                "/prod/patients/"
                        + readTree(created.getBody()).get("helpNumber").asText(),
                created.getHeaders().get("Location"));

        // $default (make run) or a custom domain mapped to the stage: no stage in the path
        ObjectNode onDefault = ApiEvents.fixture("post-patients.json");
        onDefault.put("rawPath", "/patients");
        ((ObjectNode) onDefault.get("requestContext")).put("stage", "$default");
        ((ObjectNode) onDefault.get("headers"))
                .put("idempotency-key", java.util.UUID.randomUUID().toString());
        var again = api.function.handleRequest(ApiEvents.read(onDefault), new LocalContext("VisitsFunction"));
        assertEquals(
                "/patients/" + readTree(again.getBody()).get("helpNumber").asText(),
                again.getHeaders().get("Location"));
    }

    private JsonNode send(String fixture, String helpNumber, int expectedStatus) {
        return send(ApiEvents.fixture(fixture), helpNumber, expectedStatus);
    }

    private JsonNode send(ObjectNode fixture, String helpNumber, int expectedStatus) {
        ObjectNode event = fixture;
        if (helpNumber != null) {
            event = (ObjectNode) readTree(event.toString().replace(FIXTURE_HELP_NUMBER, helpNumber));
        }
        APIGatewayV2HTTPResponse response =
                api.function.handleRequest(ApiEvents.read(event), new LocalContext("VisitsFunction"));
        assertEquals(
                expectedStatus, response.getStatusCode(), event.get("routeKey").asText() + ": " + response.getBody());
        String stage = event.path("requestContext").path("stage").asText("$default");
        String path =
                event.get("rawPath").asText().replaceFirst("^/" + java.util.regex.Pattern.quote(stage) + "(?=/)", "");
        OpenApiContract.assertResponseValid(
                event.path("requestContext").path("http").path("method").asText(),
                path,
                response.getStatusCode(),
                response.getHeaders(),
                response.getBody());
        return readTree(response.getBody());
    }

    private static JsonNode readTree(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
