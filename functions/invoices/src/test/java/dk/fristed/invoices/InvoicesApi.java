package dk.fristed.invoices;

import dk.fristed.devkit.DynamoDbCalls;
import dk.fristed.devkit.FunctionTestbed;
import dk.fristed.devkit.LocalStreams;
import dk.fristed.devkit.RouteChecks;
import dk.fristed.invoices.invoice.DeadlinePolicy;
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
 * The invoices function on a {@link FunctionTestbed}, beside the visits function that registers the
 * patients, with the bodies a clinic sends. The clock is fixed (2025-03-01, noon UTC) so that dates,
 * due dates and days waiting are exact.
 */
final class InvoicesApi {
    static final Sites SITES = Sites.parse("copenhagen,aarhus,odense,aalborg");
    static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
    static final DeadlinePolicy DEADLINES = new DeadlinePolicy(21, 7);

    final FunctionTestbed testbed = new FunctionTestbed();
    final DynamoDbCalls dynamoCalls = testbed.dynamoCalls;
    final DynamoDbClient raw = testbed.raw;
    final Map<String, String> tables = testbed.tables;
    final ByteArrayOutputStream logs = new ByteArrayOutputStream();
    final InvoiceTables names;
    final InvoicesFunction function;
    final Sites sites;
    private final java.util.concurrent.atomic.AtomicInteger numbers = new java.util.concurrent.atomic.AtomicInteger();

    InvoicesApi() {
        this(SITES);
    }

    /** With other sites: the Oslo centre is one. */
    InvoicesApi(Sites sites) {
        this.sites = sites;
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        names = new InvoiceTables(
                tables.get("InvoicesTable"),
                tables.get("InvoiceHistoryTable"),
                tables.get("InvoiceNumbersTable"),
                tables.get("PatientsTable"),
                tables.get("VisitsTable"),
                tables.get("ReferralsTable"),
                tables.get("IdempotencyTable"),
                tables.get("AuditTable"));
        function = new InvoicesFunction(
                names,
                testbed.connection(),
                testbed.fieldEncryption,
                new Hmac(new byte[32]),
                sites,
                DEADLINES,
                clock,
                log("invoices"));
        var visits = new VisitsFunction(
                new VisitsFunction.Tables(
                        tables.get("PatientsTable"),
                        tables.get("VisitsTable"),
                        tables.get("IdempotencyTable"),
                        tables.get("AuditTable")),
                testbed.connection(),
                testbed.fieldEncryption,
                new Hmac(new byte[32]),
                sites,
                clock,
                log("visits"));
        testbed.serve(Map.of("InvoicesFunction", function, "VisitsFunction", visits));
    }

    JsonLog log(String function) {
        return new JsonLog(function, new PrintStream(logs, true, StandardCharsets.UTF_8));
    }

    /** The patients table's stream delivered to the erasure function, as Lambda's event source mapping does. */
    LocalStreams erasureStream() {
        var erasure = new InvoiceErasureFunction(
                names,
                testbed.connection(),
                testbed.fieldEncryption,
                Clock.fixed(NOW, ZoneOffset.UTC),
                log("invoice-erasure"));
        return testbed.streams(logicalId -> logicalId.equals("InvoiceErasureFunction") ? erasure : null);
    }

    /** The daily deadline run as Lambda would run it on {@code day} (at 05:15 UTC). */
    InvoiceDeadlinesFunction deadlinesOn(String day, DeadlinePolicy policy) {
        Clock clock = Clock.fixed(Instant.parse(day + "T05:15:00Z"), ZoneOffset.UTC);
        return new InvoiceDeadlinesFunction(
                names, testbed.connection(), testbed.fieldEncryption, sites, policy, clock, log("invoice-deadlines"));
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

    /** An invoice body with a fresh invoice number. */
    Map<String, Object> invoice(String helpNumber, String site, String receivedOn, long amount, String currency) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("helpNumber", helpNumber);
        body.put("site", site);
        body.put("creditor", "Oslo universitetssykehus");
        body.put("invoiceNumber", "INV-" + numbers.incrementAndGet());
        body.put("invoiceDate", receivedOn);
        body.put("dueDate", java.time.LocalDate.parse(receivedOn).plusDays(30).toString());
        body.put("receivedOn", receivedOn);
        body.put("amount", amount);
        body.put("currency", currency);
        return body;
    }

    /** Registers an invoice; returns its id. */
    String create(Map<String, Object> body) {
        var created = call("POST", "/invoices", "coordinator", body);
        if (created.status() != 201) {
            throw new AssertionError("invoice failed: " + created);
        }
        return created.body().get("id").asText();
    }

    String create(String helpNumber, String site, String receivedOn, long amount, String currency) {
        return create(invoice(helpNumber, site, receivedOn, amount, currency));
    }

    /** One transition with the version given; returns the response. */
    FunctionTestbed.Response move(String id, long version, Map<String, Object> body) {
        return RouteChecks.move(testbed, "/invoices/" + id, "coordinator", version, body);
    }

    /** Moves an invoice through the actions given, failing loudly on any refusal; returns the last version. */
    long walk(String id, List<Map<String, Object>> steps) {
        return RouteChecks.walk(testbed, "/invoices/" + id, "coordinator", steps);
    }

    /** {@link #walk} of a record just created (version 1), without reading it first. */
    long walkCreated(String id, List<Map<String, Object>> steps) {
        return RouteChecks.walk(testbed, "/invoices/" + id, "coordinator", 1, steps);
    }

    static Map<String, Object> action(String action, Object... more) {
        return RouteChecks.action(action, more);
    }
}
