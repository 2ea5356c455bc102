package dk.fristed.referrals;

import dk.fristed.devkit.DynamoDbCalls;
import dk.fristed.devkit.FunctionTestbed;
import dk.fristed.devkit.RouteChecks;
import dk.fristed.log.JsonLog;
import dk.fristed.paging.Hmac;
import dk.fristed.site.Sites;
import dk.fristed.visits.VisitsFunction;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The referrals function on a {@link FunctionTestbed}, beside the visits function that registers the
 * patients, with the bodies a clinic sends. The clock is fixed (2025-03-01, noon UTC) so that dates and
 * the follow-up's "days waiting" are exact.
 */
final class ReferralsApi {
    static final Sites SITES = Sites.parse("copenhagen,aarhus,odense,aalborg");
    static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

    final FunctionTestbed testbed = new FunctionTestbed();
    final DynamoDbCalls dynamoCalls = testbed.dynamoCalls;
    final DynamoDbClient raw = testbed.raw;
    final Map<String, String> tables = testbed.tables;
    final ByteArrayOutputStream logs = new ByteArrayOutputStream();
    final ReferralTables names;
    final ReferralsFunction function;

    ReferralsApi() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        names = new ReferralTables(
                tables.get("ReferralsTable"),
                tables.get("ReferralHistoryTable"),
                tables.get("PatientsTable"),
                tables.get("VisitsTable"),
                tables.get("IdempotencyTable"),
                tables.get("AuditTable"));
        JsonLog log = new JsonLog("referrals", new PrintStream(logs, true, StandardCharsets.UTF_8));
        function = new ReferralsFunction(
                names, testbed.connection(), testbed.fieldEncryption, new Hmac(new byte[32]), SITES, clock, log);
        var visits = new VisitsFunction(
                new VisitsFunction.Tables(
                        tables.get("PatientsTable"),
                        tables.get("VisitsTable"),
                        tables.get("IdempotencyTable"),
                        tables.get("AuditTable")),
                testbed.connection(),
                testbed.fieldEncryption,
                new Hmac(new byte[32]),
                SITES,
                clock,
                log);
        testbed.serve(Map.of("ReferralsFunction", function, "VisitsFunction", visits));
    }

    /** The patients table's stream delivered to the erasure function, as Lambda's event source mapping does. */
    dk.fristed.devkit.LocalStreams erasureStream() {
        var erasure = new ReferralErasureFunction(
                names,
                testbed.connection(),
                testbed.fieldEncryption,
                Clock.fixed(NOW, ZoneOffset.UTC),
                new JsonLog("referral-erasure", new PrintStream(logs, true, StandardCharsets.UTF_8)));
        return testbed.streams(logicalId -> logicalId.equals("ReferralErasureFunction") ? erasure : null);
    }

    /** The daily follow-up as Lambda would run it on {@code day} (at 05:00 UTC). */
    ReferralFollowUpFunction followUpOn(String day, Map<String, String> thresholds) {
        Clock clock = Clock.fixed(Instant.parse(day + "T05:00:00Z"), ZoneOffset.UTC);
        return new ReferralFollowUpFunction(
                names,
                testbed.connection(),
                testbed.fieldEncryption,
                SITES,
                dk.fristed.config.Environment.of(thresholds),
                clock,
                new JsonLog("referral-follow-up", new PrintStream(logs, true, StandardCharsets.UTF_8)));
    }

    FunctionTestbed.Response call(
            String method, String pathAndQuery, String role, Object body, Map<String, String> headers) {
        return testbed.call(method, pathAndQuery, role, body, headers);
    }

    FunctionTestbed.Response call(String method, String pathAndQuery, String role, Object body) {
        return testbed.call(method, pathAndQuery, role, body);
    }

    /** A coordinator merges the duplicate into the survivor through the visits function. */
    void merge(String survivor, String duplicate) {
        RouteChecks.mergePatients(testbed, survivor, duplicate);
    }

    String registerPatient() {
        return RouteChecks.registerPatient(testbed);
    }

    static Map<String, Object> referral(String helpNumber, String site, String date, String kind) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("helpNumber", helpNumber);
        body.put("site", site);
        body.put("date", date);
        body.put("kind", kind);
        switch (kind) {
            case "examination" -> body.put("modality", "ultrasound");
            case "specialist" -> body.put("specialty", "cardiology");
            default -> {}
        }
        body.put("receiver", "Rigshospitalet");
        body.put("urgency", "routine");
        body.put("clinicalQuestion", "Palpitations for three months.\nECG at the clinic normal.");
        return body;
    }

    /** Drafts a referral; returns its id. */
    String create(String helpNumber, String site, String date, String kind) {
        var created = call("POST", "/referrals", "clinician", referral(helpNumber, site, date, kind));
        if (created.status() != 201) {
            throw new AssertionError("referral failed: " + created);
        }
        return created.body().get("id").asText();
    }

    /** One transition with the current version; returns the response. */
    FunctionTestbed.Response move(String id, long version, Map<String, Object> body) {
        return RouteChecks.move(testbed, "/referrals/" + id, "clinician", version, body);
    }

    /** Moves a referral through the actions given (each a map body), failing loudly on any refusal; returns the last version. */
    long walk(String id, List<Map<String, Object>> steps) {
        return RouteChecks.walk(testbed, "/referrals/" + id, "clinician", steps);
    }

    /** {@link #walk} of a record just created (version 1), without reading it first. */
    long walkCreated(String id, List<Map<String, Object>> steps) {
        return RouteChecks.walk(testbed, "/referrals/" + id, "clinician", 1, steps);
    }

    static Map<String, Object> action(String action, Object... more) {
        return RouteChecks.action(action, more);
    }
}
