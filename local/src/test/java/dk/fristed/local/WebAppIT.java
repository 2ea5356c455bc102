package dk.fristed.local;

import com.fasterxml.jackson.databind.JsonNode;
import dk.fristed.auth.Role;
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
import java.util.Map;

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
    private String origin;

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
        String origin = start();
        servedAsDeployed(origin);
        signInAs(Role.COORDINATOR);
        assertEquals(origin + "/", chromium.url(), "the code is out of the address bar");

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
        // and every state, step and choice the API can name, as openapi.json lists them, has its words
        JsonNode schemas = Json.mapper()
                .readTree(SamTemplate.projectRoot().resolve("openapi.json").toFile())
                .at("/components/schemas");
        List<String> keys = new java.util.ArrayList<>();
        String[][] enums = {
            {"ReferralState", "state."},
            {"InvoiceState", "state."},
            {"ReferralAction", "action."},
            {"InvoiceAction", "action."},
            {"RejectionReason", "choice."},
            {"InvoiceRejectionReason", "choice."},
            {"ComplaintBody", "choice."},
            {"InvoiceChannel", "choice."},
            {"Service", "service."},
            {"Sex", "sex."},
            {"InvoiceFlag", "flag."}
        };
        for (String[] e : enums) {
            schemas.at("/" + e[0] + "/enum").forEach(value -> keys.add(e[1] + value.asText()));
        }
        assertEquals(
                "[]",
                chromium.script("return import('/js/i18n.js').then(m => JSON.stringify(" + Json.write(keys)
                                + ".filter(k => m.t(k) === k)))")
                        .asText(),
                "the API's words in the app's");

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

        // by keyboard alone: Tab from the top of the page reaches the help-number field, and the number typed there
        // finds the patient
        chromium.script("document.activeElement.blur(); window.scrollTo(0, 0)");
        for (int tab = 0; tab < 8 && !focused("find-help-number"); tab++) {
            chromium.keys(Chromium.TAB);
        }
        assertTrue(focused("find-help-number"), "the help-number field is reached with Tab");
        chromium.keys(helpNumber);
        waitForText("#patient", "Ana Popescu");

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
        assertEquals("[]", accessibilityProblems(), "the front desk with a patient, a visit and their lists");
        onAPhone("front-desk");
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

        // a coordinator's referral, sent and accepted, and an invoice, credit asked for and credited in part;
        // a step on a record changed meanwhile is refused and said so
        direct(
                "POST",
                "/referrals",
                Role.COORDINATOR,
                Map.of(
                        "helpNumber",
                        helpNumber,
                        "site",
                        "copenhagen",
                        "date",
                        "2025-03-04",
                        "kind",
                        "specialist",
                        "specialty",
                        "cardiology",
                        "receiver",
                        "Bispebjerg Hospital",
                        "urgency",
                        "routine",
                        "clinicalQuestion",
                        "Chest pain on exertion."));
        direct(
                "POST",
                "/invoices",
                Role.COORDINATOR,
                Map.of(
                        "helpNumber",
                        helpNumber,
                        "site",
                        "copenhagen",
                        "creditor",
                        "Rigshospitalet",
                        "invoiceNumber",
                        "2025-004217",
                        "invoiceDate",
                        "2025-02-20",
                        "dueDate",
                        "2025-03-22",
                        "receivedOn",
                        "2025-02-27",
                        "amount",
                        1_245_000,
                        "currency",
                        "DKK"));
        type("find-help-number", "");
        type("find-help-number", helpNumber);
        waitForText("#referrals", "drafted");
        step("referral", "send", Map.of());
        waitForText("#referral-message", "Now: sent");
        step("referral", "accept", Map.of());
        waitForText("#referral-message", "Now: accepted");
        step("invoice", "request_credit", Map.of());
        waitForText("#invoice-message", "Now: credit asked for");
        step("invoice", "credit_partly", Map.of("amount", "4000,00"));
        waitForText("#invoice-message", "Now: credited in part");
        waitForText("#invoices", "8450.00 DKK");
        String referral = direct("GET", "/patients/" + helpNumber + "/referrals", Role.COORDINATOR, null)
                .body()
                .at("/items/0/id")
                .asText();
        direct(
                "POST",
                "/referrals/" + referral + "/transitions",
                Role.COORDINATOR,
                Map.of("action", "book_appointment", "appointmentDate", "2025-04-01"),
                "\"3\"");
        step("referral", "cancel", Map.of("note", "The patient left the country"));
        waitForText("#referral-message", "Someone changed this meanwhile");

        // what needs attention at the site: the invoice past its due date, opened from the list
        type("find-help-number", "");
        chromium.script("document.getElementById('attention-site').value = 'copenhagen'");
        chromium.click("#show-attention");
        String deadlines = waitForText("#deadlines", "Rigshospitalet");
        assertTrue(deadlines.contains("overdue") && deadlines.contains("8450.00 DKK"), deadlines);
        chromium.click("#deadlines .open-patient");
        waitForText("#patient", helpNumber);

        // a duplicate registered by mistake, merged into this record, its phone taken; its number then leads here
        String duplicate = direct(
                        "POST",
                        "/patients",
                        Role.COORDINATOR,
                        Map.of(
                                "birthYear",
                                1985,
                                "sex",
                                "female",
                                "nationality",
                                "RO",
                                "languages",
                                List.of("ro"),
                                "interpreterNeeded",
                                false,
                                "name",
                                "Anna P.",
                                "phone",
                                "+45 20 00 00 01"))
                .body()
                .get("helpNumber")
                .asText();
        type("merge-help-number", duplicate);
        waitForText("#merge-duplicate", "Anna P.");
        chromium.click("#take-phone");
        chromium.click("#merge-button");
        waitForText("#patient", "Merged from");
        Answer gone = direct("GET", "/patients/" + duplicate, Role.COORDINATOR, null);
        assertEquals(410, gone.status());
        assertEquals(helpNumber, gone.body().get("mergedInto").asText());
        assertEquals(
                "+45 20 00 00 01",
                direct("GET", "/patients/" + helpNumber, Role.COORDINATOR, null)
                        .body()
                        .get("phone")
                        .asText());

        // the session ends while a registration is being typed: signing in again brings the form back as it was
        String expired = api.authority()
                .issue(
                        "local-coordinator",
                        List.of(Role.COORDINATOR),
                        api.authority().issuer(),
                        LocalAuthority.AUDIENCE,
                        java.time.Instant.now().minusSeconds(300));
        chromium.script("const s = JSON.parse(sessionStorage.getItem('fristed.session'));"
                + " s.tokens.access_token = " + Json.write(expired) + "; s.tokens.refresh_token = 'no longer valid';"
                + " sessionStorage.setItem('fristed.session', JSON.stringify(s))");
        type("birth-year", "1990");
        type("nationality", "SY");
        type("name", "Kept Across Sign-in");
        chromium.click("#register-button");
        waitForText("#session-ended", "Your session has ended");
        chromium.click("#sign-in-again");
        chromium.waitFor(
                "return location.href",
                href -> href.asText().startsWith(api.authority().issuer() + "/oauth2/authorize"),
                STEP,
                "the sign-in page again");
        chromium.click("button[value=\"local-coordinator\"]");
        chromium.waitFor(
                "const n = document.getElementById('name'); return n ? n.value + '/' + document.getElementById('birth-year').value : ''",
                value -> value.asText().equals("Kept Across Sign-in/1990"),
                STEP,
                "the form as it was");

        // in Danish: the app's words, and the API's problem about a field, told in Danish too
        chromium.script("document.getElementById('language').value = 'da';"
                + " document.getElementById('language').dispatchEvent(new Event('change'))");
        waitForText("#find-title", "Find en patient");
        type("birth-year", "1985");
        type("nationality", "R");
        chromium.click("#register-button");
        waitForText("#register-message", "nationality skal være en ISO 3166-1 alpha-2-landekode");
    }

    @Test
    void finance_recordsAPaymentAndReadsTheChart_anAdminReadsTheAuditTrailAndErases() throws Exception {
        start();
        int year = java.time.LocalDate.now().getYear();
        assertEquals(
                201,
                direct(
                                "POST",
                                "/budget/years",
                                Role.FINANCE,
                                Map.of("year", year, "need", 338_037_500L, "currency", "DKK"))
                        .status());
        assertEquals(
                201,
                direct(
                                "POST",
                                "/budget/sources",
                                Role.FINANCE,
                                Map.of("type", "red_cross_branch", "name", "Aarhus branch"))
                        .status());
        String helpNumber = direct(
                        "POST",
                        "/patients",
                        Role.COORDINATOR,
                        Map.of(
                                "birthYear",
                                1979,
                                "sex",
                                "female",
                                "nationality",
                                "ET",
                                "languages",
                                List.of("am"),
                                "interpreterNeeded",
                                true))
                .body()
                .get("helpNumber")
                .asText();
        direct("GET", "/patients/" + helpNumber, Role.CLINICIAN, null);

        // finance: the year's progress, a payment typed in kroner and øre, the chart, the ledger file
        signInAs(Role.FINANCE);
        chromium.click("#show-budget");
        waitForText("#progress", "3,380,375.00 DKK");
        type("payment-amount", "2028225,00");
        chromium.click("#record-payment");
        waitForText("#budget-message", "The payment is recorded.");
        waitForText("#progress", "2,028,225.00 DKK");
        assertEquals("[]", accessibilityProblems(), "finance's budget");
        onAPhone("budget");
        chromium.waitFor(
                "const i = document.getElementById('chart-image'); return i ? i.naturalWidth : 0",
                width -> width.asInt() > 0,
                STEP,
                "the chart, shown under the app's Content-Security-Policy");
        chromium.click("#export");
        waitForText("#payment", "budget-" + year + ".csv");

        // an admin: who read the record, then erasure on the patient's request, after saying what stays
        chromium.click("#sign-out");
        signInAs(Role.ADMIN);
        type("audit-help-number", helpNumber);
        waitForText("#audit", "web-app-check-clinician (clinician)");
        chromium.click("#erase");
        String confirmation = waitForText("#erase-confirm", "What stays");
        assertEquals("[]", accessibilityProblems(), "the admin's audit trail and the erasure's confirmation");
        onAPhone("audit-and-erasure");
        assertTrue(confirmation.contains("never given again"), confirmation);
        chromium.click("#erase-yes");
        waitForText("#audit-message", "The patient is erased.");
        assertEquals(
                410,
                direct("GET", "/patients/" + helpNumber, Role.CLINICIAN, null).status());
    }

    /** make run's runner with the web app on a port of its own; the app's origin. */
    private String start() throws Exception {
        Path driver = Chromium.driverOrSkip("WebAppIT");
        String origin = "http://localhost:" + FreePort.next();
        api = LocalApi.start(
                SamTemplate.ofProject(),
                dir.resolve("data"),
                dir.resolve("field-key"),
                FreePort.next(),
                FreePort.next(),
                new LocalApps(origin, List.of(origin + "/signed-in"), List.of(origin + "/"), true));
        chromium = Chromium.start(driver, Files.createDirectories(dir.resolve("chromium-profile")));
        this.origin = origin;
        return origin;
    }

    /** Opens the app, which sends the browser to the sign-in page; picks the role's test user; in English. */
    private void signInAs(Role role) throws Exception {
        chromium.open(origin + "/");
        chromium.waitFor(
                "return location.href",
                href -> href.asText().startsWith(api.authority().issuer() + "/oauth2/authorize"),
                STEP,
                "the sign-in page");
        chromium.click("button[value=\"local-" + role.groupName() + "\"]");
        waitForText("#who", role.groupName() + "@fristed.local");
        chromium.script("document.getElementById('language').value = 'en';"
                + " document.getElementById('language').dispatchEvent(new Event('change'))");
    }

    /**
     * The screen at a phone's size (390 × 844): nothing wider than the window, so no sideways scrolling. With
     * {@code FRISTED_SCREENSHOTS} set ({@code make screenshots}), the screen is saved there as PNG for README.
     */
    private void onAPhone(String screen) throws Exception {
        chromium.windowSize(390, 844);
        try {
            assertTrue(
                    chromium.script("return document.documentElement.scrollWidth <= window.innerWidth")
                            .asBoolean(),
                    screen + " is wider than a phone: "
                            + chromium.script("return document.documentElement.scrollWidth + ' > ' + window.innerWidth"
                                    + " + ', too wide: ' + [...document.querySelectorAll('body *')]"
                                    + ".filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)"
                                    + ".slice(0, 4).map(e => e.tagName + '#' + e.id + '.' + e.className).join(' ')"));
            String folder = System.getenv("FRISTED_SCREENSHOTS");
            if (folder != null) {
                chromium.script("window.scrollTo(0, 0)");
                chromium.screenshot(Path.of(folder).resolve(screen + ".png"));
            }
        } finally {
            chromium.windowSize(1280, 900);
        }
    }

    /**
     * What axe-core (pinned in local/browser-tools, installed there by npm ci on first use) finds serious or
     * critical on the page as it is now: each rule with how many elements break it.
     */
    private String accessibilityProblems() throws Exception {
        Path tools = SamTemplate.projectRoot().resolve("local/browser-tools");
        Path axe = tools.resolve("node_modules/axe-core/axe.min.js");
        if (!Files.isRegularFile(axe)) {
            Process install = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
                    .directory(tools.toFile())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(install.getInputStream().readAllBytes());
            assertEquals(
                    0,
                    install.waitFor(),
                    "npm ci in local/browser-tools failed (npm is needed for the check):\n" + output);
        }
        return chromium.script(Files.readString(axe)
                        + "; return axe.run(document, {resultTypes: ['violations']}).then(r => JSON.stringify(r.violations"
                        + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                        + ".map(v => v.id + ' (' + v.impact + '): ' + v.nodes.length + ' ' + v.nodes[0].target)))")
                .asText();
    }

    /** A workflow step in the app: its button, what it asks for (by field name), then sending it. */
    private void step(String kind, String action, Map<String, String> fields) throws Exception {
        chromium.waitFor(
                "return document.querySelector('#" + kind + "s button[data-action=\"" + action + "\"]') !== null",
                JsonNode::asBoolean,
                STEP,
                kind + " step " + action);
        chromium.click("#" + kind + "s button[data-action=\"" + action + "\"]");
        for (var field : fields.entrySet()) {
            chromium.script("document.querySelector('#" + kind + "s form.step [id$=\"-" + field.getKey()
                    + "\"]').value = " + Json.write(field.getValue()));
        }
        chromium.click("#" + kind + "s .send-step");
    }

    /** How many visits the API holds for the patient, asked directly. */
    private int visitsOf(String helpNumber) throws Exception {
        return direct("GET", "/patients/" + helpNumber + "/visits", Role.COORDINATOR, null)
                .body()
                .get("items")
                .size();
    }

    private record Answer(int status, JsonNode body) {}

    /** A call to the API past the app, as a role; the body as JSON. */
    private Answer direct(String method, String path, Role role, Object body) throws Exception {
        return direct(method, path, role, body, null);
    }

    private Answer direct(String method, String path, Role role, Object body, String ifMatch) throws Exception {
        String token = api.authority().issue("web-app-check-" + role.groupName(), List.of(role));
        var request = HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
                .header("Authorization", "Bearer " + token)
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(Json.write(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        HttpResponse<String> answer =
                HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(
                answer.statusCode(),
                answer.body().isEmpty() ? null : Json.mapper().readTree(answer.body()));
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

    private boolean focused(String id) throws Exception {
        return chromium.script("return document.activeElement && document.activeElement.id === '" + id + "'")
                .asBoolean();
    }

    /** Types into a field as a volunteer would, once it is there: its value, then the input event the app listens to. */
    private void type(String id, String text) throws Exception {
        chromium.waitFor("return document.getElementById('" + id + "') !== null", JsonNode::asBoolean, STEP, "#" + id);
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
