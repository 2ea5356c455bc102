package dk.fristed.visits;

import dk.fristed.json.Json;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The server refuses what openapi.json refuses, naming the field: a key twice in one object, a body that is
 * not UTF-8, a period of more than 366 days, a date outside the years the API takes. What it accepts it stores
 * as sent, never tidied (replacement characters, the last of two keys).
 */
class StrictInputIT {
    private final VisitsApi api = new VisitsApi();

    @Test
    void keyTwiceInABody_is400NamingIt_whicheverComesFirst() {
        for (String body : List.of(
                "{\"birthYear\":1985,\"sex\":\"female\",\"nationality\":\"RO\",\"nationality\":\"PL\"}",
                "{\"nationality\":\"PL\",\"birthYear\":1985,\"sex\":\"female\",\"nationality\":\"RO\"}")) {
            var refused = api.call("POST", "/patients", "clinician", body);
            assertEquals(400, refused.status(), body);
            assertEquals("nationality", refused.problemField(), body);
        }
        String patient = api.registerPatient(null);
        String visit = Json.write(VisitsApi.visit(patient, "odense", "2025-03-04", "doctor"));
        var twice = api.call(
                "POST",
                "/visits",
                "clinician",
                visit.replace("\"site\":\"odense\"", "\"site\":\"odense\",\"site\":\"aarhus\""));
        assertEquals(400, twice.status());
        assertEquals("site", twice.problemField());
        assertEquals(
                0,
                api.call("GET", "/patients/" + patient + "/visits", "clinician", null)
                        .body()
                        .get("items")
                        .size(),
                "nothing stored");
    }

    @Test
    void bodyThatIsNotUtf8_is400_notStoredWithReplacementCharacters() {
        byte[] body = "{\"birthYear\":1985,\"sex\":\"female\",\"nationality\":\"RO\",\"name\":\"Ana XX\"}"
                .getBytes(StandardCharsets.UTF_8);
        int x = new String(body, StandardCharsets.UTF_8).indexOf("XX");
        body[x] = (byte) 0xC3; // a lead byte followed by no continuation byte
        body[x + 1] = (byte) 0x28;

        var refused = api.call("POST", "/patients", "clinician", body);

        assertEquals(400, refused.status());
        assertEquals("body", refused.problemField());
    }

    @Test
    void periodOf366Days_isAnswered_andOf367DaysRefusedNamingTo() {
        assertEquals(
                200,
                api.call("GET", "/visits?site=odense&from=2024-01-01&to=2024-12-31", "clinician", null)
                        .status(),
                "a leap year is 366 days");
        var refused = api.call("GET", "/visits?site=odense&from=2025-01-01&to=2026-01-02", "clinician", null);
        assertEquals(400, refused.status());
        assertEquals("to", refused.problemField());
    }

    @Test
    void datesOutsideTheApisYears_are400NamingTheParameter() {
        for (String from :
                List.of("0000-01-01", "1999-12-31", "2100-01-01", "9999-12-31", "%2B12025-01-01", "+2025-01-01")) {
            var refused = api.call("GET", "/visits?site=odense&from=" + from + "&to=2025-01-31", "clinician", null);
            assertEquals(400, refused.status(), from);
            assertEquals("from", refused.problemField(), from);
        }
    }
}
