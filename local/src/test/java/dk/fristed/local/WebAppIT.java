package dk.fristed.local;

import com.fasterxml.jackson.databind.JsonNode;
import dk.fristed.devkit.FreePort;
import dk.fristed.devkit.SamTemplate;
import dk.fristed.json.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web app (web/) as make run serves it, in headless Chromium: a coordinator signs in through the local
 * sign-in, the front desk catches a mistyped help number as it is typed, looks for the same person, registers
 * a patient, shows the help number for the card and finds the patient by it; a clinician's visit with ICPC-2
 * diagnoses, and one made offline that is sent once when the connection is back; in Danish, the app's words and
 * the API's problems alike. The app's help-number check is held to the vectors the server is held to.
 */
class WebAppIT {
    private static final Duration STEP = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private LocalApi api;
    private Chromium chromium;

    @AfterEach
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (api != null) {
            api.close();
        }
    }

    @Test
    void theFrontDesk_signsIn_catchesAMistypedNumber_registersAPatient_andFindsThem() throws Exception {
        Path driver = Chromium.driverOrSkip("WebAppIT");
        String origin = "http://localhost:" + FreePort.next();
        api = LocalApi.start(
                SamTemplate.ofProject(),
                dir.resolve("data"),
                dir.resolve("field-key"),
                FreePort.next(),
                FreePort.next(),
                new LocalApps(origin, List.of(origin + "/signed-in"), List.of(origin + "/"), true));
        servedAsDeployed(origin);
        chromium = Chromium.start(driver, Files.createDirectories(dir.resolve("chromium-profile")));

        chromium.open(origin + "/");
        chromium.waitFor(
                "return location.href",
                href -> href.asText().startsWith(api.authority().issuer() + "/oauth2/authorize"),
                STEP,
                "the sign-in page");
        chromium.click("button[value=\"local-coordinator\"]");
        waitForText("#who", "coordinator@fristed.local");
        assertEquals(origin + "/", chromium.url(), "the code is out of the address bar");
        chromium.script("document.getElementById('language').value = 'en';"
                + " document.getElementById('language').dispatchEvent(new Event('change'))");

        // the app's check of a typed help number agrees with the server's on every shared vector
        assertEquals(
                "[]",
                chromium.script("return Promise.all([import('/js/helpnumber.js'),"
                                + " fetch('/test-vectors/help-numbers.json').then(r => r.json())])"
                                + ".then(([m, d]) => JSON.stringify(d.vectors.filter(v => {"
                                + " const r = m.checkHelpNumber(v.typed);"
                                + " return r.state !== v.state || (v.formatted && r.formatted !== v.formatted); })"
                                + ".map(v => v.typed)))")
                        .asText());
        assertEquals(
                "[]",
                chromium.script("return import('/js/i18n.js').then(m => JSON.stringify(m.missingTexts()))")
                        .asText(),
                "every text in every language");

        // a mistyped number is caught at the desk, before the API is asked
        type("find-help-number", "K7MQ-X9PA");
        waitForText("#find-message", "mistyped");
        type("find-help-number", "K7MQ-X9PO");
        waitForText("#find-message", "uses only");

        // look for the same person, register, show the number for the card
        type("birth-year", "1985");
        chromium.script("document.getElementById('sex').value = 'female'");
        type("nationality", "ro");
        type("languages", "ro, en");
        type("name", "Ana Popescu");
        chromium.click("#check-duplicates");
        waitForText("#duplicates", "No one registered looks like this person.");
        chromium.click("#register-button");
        String helpNumber = waitForText("#new-help-number", "-");
        assertTrue(helpNumber.matches("[2-9A-Y]{4}-[2-9A-Y]{4}"), helpNumber);

        // found again by the number on the card, typed as a volunteer might
        type("find-help-number", helpNumber.toLowerCase().replace("-", " "));
        String card = waitForText("#patient", "Ana Popescu");
        assertTrue(card.contains("1985") && card.contains("ro, en"), card);

        // a clinician's visit: site, service, ICPC-2 diagnoses picked by chapter and code; then the patient's visits
        waitForText("#visits", "No visits yet.");
        chromium.script("document.getElementById('visit-site').value = 'odense';"
                + " document.getElementById('visit-date').value = '2025-03-04';"
                + " document.getElementById('visit-service').value = 'doctor'");
        chromium.script("const c = document.getElementById('diagnosis-chapter'); c.value = 'L';"
                + " c.dispatchEvent(new Event('change'))");
        assertEquals(
                "L01",
                chromium.script("return document.querySelector('#icpc-codes option').value")
                        .asText(),
                "the chapter's codes offered");
        for (String code : List.of("l03", "T90", "L03")) {
            type("diagnosis-code", code);
            chromium.click("#add-diagnosis");
        }
        type("diagnosis-code", "Z99");
        chromium.click("#add-diagnosis");
        waitForText("#visit-message", "not an ICPC-2 code");
        assertEquals(
                2,
                chromium.script("return document.querySelectorAll('#chosen-diagnoses li').length")
                        .asInt(),
                "a diagnosis counts once a visit");
        chromium.click("#register-visit");
        waitForText("#visit-message", "The visit is registered.");
        String visits = waitForText("#visits", "L03, T90");
        assertTrue(visits.contains("2025-03-04 (first visit)") && visits.contains("odense"), visits);

        // the connection goes: the next visit is kept on the device, visibly, and sent once when it is back
        chromium.offline(true);
        chromium.script("document.getElementById('visit-date').value = '2025-03-11'");
        type("diagnosis-code", "A04");
        chromium.click("#add-diagnosis");
        chromium.click("#register-visit");
        waitForText("#visit-message", "saved on this device");
        waitForText("#queue-waiting", "1");
        chromium.offline(false);
        waitForText("#queue", "Sent: visit");
        assertEquals(2, visitsOf(helpNumber), "sent once");
        chromium.open(origin + "/"); // a reload after it was sent sends nothing again
        waitForText("#who", "coordinator@fristed.local");
        assertEquals(
                "[]",
                chromium.script("return localStorage.getItem('fristed.queue')").asText());
        assertEquals(2, visitsOf(helpNumber));

        // in Danish: the app's words, and the API's problem about a field, told in Danish too
        chromium.script("document.getElementById('language').value = 'da';"
                + " document.getElementById('language').dispatchEvent(new Event('change'))");
        waitForText("#find-title", "Find en patient");
        type("birth-year", "1985");
        type("nationality", "R");
        chromium.click("#register-button");
        waitForText("#register-message", "nationality skal være en ISO 3166-1 alpha-2-landekode");
    }

    /** How many visits the API holds for the patient, asked directly. */
    private int visitsOf(String helpNumber) throws Exception {
        String token = api.authority().issue("web-app-check", List.of(dk.fristed.auth.Role.COORDINATOR));
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(api.baseUrl() + "/patients/" + helpNumber + "/visits"))
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return Json.mapper().readTree(answer.body()).get("items").size();
    }

    /** The headers the deployed app gets, on make run's origin too. */
    private void servedAsDeployed(String origin) throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(origin + "/")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        String policy = page.headers().firstValue("content-security-policy").orElse("");
        assertTrue(policy.contains("script-src 'self'") && policy.contains("frame-ancestors 'none'"), policy);
        assertEquals(
                "nosniff", page.headers().firstValue("x-content-type-options").orElse(""));
        assertEquals("no-referrer", page.headers().firstValue("referrer-policy").orElse(""));
        JsonNode config = Json.mapper()
                .readTree(HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(origin + "/config.json"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body());
        assertEquals(api.baseUrl(), config.get("api").asText());
        assertEquals(api.authority().issuer(), config.get("issuer").asText());
        assertEquals(
                404,
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(origin + "/../pom.xml"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode(),
                "nothing outside web/");
    }

    /** Types into a field as a volunteer would: its value, then the input event the app listens to. */
    private void type(String id, String text) throws Exception {
        chromium.script("const e = document.getElementById('" + id + "'); e.value = " + Json.write(text)
                + "; e.dispatchEvent(new Event('input', {bubbles: true}))");
    }

    /** Waits until the element's text contains {@code expected}; its text. */
    private String waitForText(String selector, String expected) throws Exception {
        return chromium.waitFor(
                        "const e = document.querySelector('" + selector + "'); return e ? e.textContent : ''",
                        text -> text.asText().contains(expected),
                        STEP,
                        selector + " saying " + expected)
                .asText();
    }
}
