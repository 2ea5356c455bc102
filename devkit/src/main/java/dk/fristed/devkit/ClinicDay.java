package dk.fristed.devkit;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dk.fristed.aws.ServerKey;
import dk.fristed.encryption.FieldEncryption;
import dk.fristed.json.Json;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A day at the clinic through the public API, with every function of template.yaml built as Lambda
 * builds it (the real SDK client with its retries, timeouts and transaction tokens) and pointed at
 * DynamoDB Local through {@link FaultyDynamo}. The clients retry as docs/api.md tells them to: the same
 * Idempotency-Key for a creating POST, again after Retry-After on 429 or 503, again when an answer is
 * lost on its way to the phone; a change with If-Match that finds its version moved reads the record
 * again and is done if its change is there. Afterwards {@link #summary()} describes what the tables
 * hold, in terms that do not depend on random ids: run with and without faults, the two must be equal.
 */
public final class ClinicDay implements AutoCloseable {
    /** Faults injected between the functions and DynamoDB, and answers lost between the API and the phone. */
    public record Faults(double share, long seed) {
        public static final Faults NONE = new Faults(0, 0);
    }

    /** What the day's clients saw. */
    public record Outcome(
            int requests, int retried, int lostAnswers, Map<Integer, Integer> statuses, List<String> failures) {}

    private static final int MAX_TRIES = 12;

    private final FunctionTestbed testbed = new FunctionTestbed();
    private final FaultyDynamo proxy;
    private final LocalGateway gateway;
    private final LocalStreams streams;
    private final Random phone;
    private final double lostAnswerShare;
    private final boolean idempotencyKeys;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger retried = new AtomicInteger();
    private final AtomicInteger lost = new AtomicInteger();
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();
    /** The scenario's patients by their number in the day, and the referrals of each. */
    private final Map<Integer, String> patients = new LinkedHashMap<>();

    private final Map<Integer, List<String>> referrals = new LinkedHashMap<>();
    /** The invoice of every third patient, and the period's totals read once the day is over. */
    private final Map<Integer, String> invoices = new LinkedHashMap<>();

    private JsonNode invoiceTotals;
    /** The month's report, read last: its reads run side by side, each of them faulted like any other. */
    private JsonNode monthReport;

    /**
     * @param idempotencyKeys false to see what happens to clients that do not send them (the test shows
     *                        that faults then double records: the check can fail)
     */
    public ClinicDay(Faults faults, boolean idempotencyKeys) throws IOException {
        this.idempotencyKeys = idempotencyKeys;
        this.proxy = new FaultyDynamo(
                testbed.endpoint(),
                faults.share(),
                faults.seed(),
                Duration.ofMillis(450),
                List.of(FaultyDynamo.Fault.values()));
        this.phone = new Random(faults.seed() * 31 + 7);
        this.lostAnswerShare = faults.share() / 2;
        Map<String, String> variables = LocalDynamo.clientVariables(proxy.endpoint());
        variables.put("DYNAMODB_ATTEMPT_TIMEOUT_MS", "300"); // the proxy's delays (450 ms) outlast an attempt
        variables.put(ServerKey.LOCAL_KEY_VARIABLE, Base64.getEncoder().encodeToString(new byte[32]));
        variables.put(FieldEncryption.LOCAL_KEY_VARIABLE, Base64.getEncoder().encodeToString(new byte[32]));
        SamTemplate template = SamTemplate.ofProject();
        this.gateway = LocalGateway.fromTemplate(template, testbed.tables, variables);
        this.streams = testbed.streams(LocalGateway.routeless(template, testbed.tables, variables)::get);
    }

    /**
     * The day: registrations, visits, corrections, referrals and their answers, invoices credited and paid,
     * a duplicate merged (patient 4 into patient 3, its referral and invoice following), two erasures.
     */
    public Outcome run(int patientCount) {
        for (int p = 0; p < patientCount; p++) {
            JsonNode patient = create(
                    "/patients",
                    "coordinator",
                    "{\"birthYear\":" + (1960 + p) + ",\"sex\":\""
                            + (p % 2 == 0 ? "female" : "male")
                            + "\",\"nationality\":\"RO\",\"languages\":[\"ro\"],\"interpreterNeeded\":true,"
                            + "\"name\":\"Patient " + p + "\"}",
                    "p" + p);
            if (patient != null) {
                patients.put(p, patient.get("helpNumber").asText());
            }
        }
        patients.forEach((p, helpNumber) -> {
            for (int v = 0; v < 2; v++) {
                create(
                        "/visits",
                        "clinician",
                        "{\"helpNumber\":\"" + helpNumber + "\",\"site\":\"odense\",\"date\":\"2025-03-0"
                                + (v == 0 ? 5 : 3) + "\",\"service\":\"doctor\",\"diagnoses\":[\"R05\"]}",
                        "p" + p + "v" + v);
            }
            if (p % 3 == 0) {
                change(
                        "/patients/" + helpNumber,
                        "PUT",
                        "coordinator",
                        "{\"birthYear\":" + (1960 + p) + ",\"sex\":\""
                                + (p % 2 == 0 ? "female" : "male")
                                + "\",\"nationality\":\"RO\",\"languages\":[\"ro\",\"en\"],"
                                + "\"interpreterNeeded\":false,\"name\":\"Patient " + p + "\"}",
                        "/patients/" + helpNumber,
                        stored -> stored.get("languages").size() == 2);
            }
            if (p % 2 == 0) {
                JsonNode referral = create(
                        "/referrals",
                        "clinician",
                        "{\"helpNumber\":\"" + helpNumber + "\",\"site\":\"odense\","
                                + "\"date\":\"2025-03-05\",\"kind\":\"examination\",\"modality\":\"ct\",\"receiver\":\"OUH\","
                                + "\"urgency\":\"routine\",\"clinicalQuestion\":\"Question " + p + "\"}",
                        "p" + p + "r");
                if (referral != null) {
                    String id = referral.get("id").asText();
                    referrals.computeIfAbsent(p, k -> new ArrayList<>()).add(id);
                    move(id, "{\"action\":\"send\"}", "sent");
                    move(
                            id,
                            p % 4 == 0
                                    ? "{\"action\":\"accept\"}"
                                    : "{\"action\":\"reject\",\"reason\":\"wrong_receiver\"}",
                            p % 4 == 0 ? "accepted" : "rejected");
                }
            }
            if (p % 3 == 1) {
                // 1,000.00 DKK plus the patient's number in øre: partly credited, the rest paid by the fund
                long amount = 100_000 + p;
                JsonNode invoice = create(
                        "/invoices",
                        "coordinator",
                        "{\"helpNumber\":\"" + helpNumber + "\",\"site\":\"odense\","
                                + "\"creditor\":\"OUH\",\"invoiceNumber\":\"DAY-" + p
                                + "\",\"invoiceDate\":\"2025-03-01\",\"dueDate\":\"2025-03-31\","
                                + "\"receivedOn\":\"2025-03-04\",\"amount\":" + amount + ",\"currency\":\"DKK\"}",
                        "p" + p + "i");
                if (invoice != null) {
                    String id = invoice.get("id").asText();
                    invoices.put(p, id);
                    moveInvoice(
                            id,
                            "{\"action\":\"request_credit\",\"channel\":\"letter\",\"date\":\"2025-03-04\"}",
                            "credit_requested");
                    moveInvoice(
                            id,
                            "{\"action\":\"credit_partly\",\"amount\":60000,\"currency\":\"DKK\",\"date\":\"2025-03-05\"}",
                            "partly_credited");
                    moveInvoice(
                            id,
                            "{\"action\":\"pay\",\"amount\":" + (amount - 60_000)
                                    + ",\"currency\":\"DKK\",\"date\":\"2025-03-05\"}",
                            "paid");
                }
            }
            read("/patients/" + helpNumber + "/visits");
        });
        if (patients.containsKey(3) && patients.containsKey(4)) {
            merge(patients.get(3), patients.get(4));
        }
        read("/visits?site=odense&from=2025-03-01&to=2025-03-31");
        read("/referrals/counts?from=2025-03-01&to=2025-03-31");
        for (int p : List.of(1, 2)) {
            if (patients.containsKey(p)) {
                send("DELETE", "/patients/" + patients.get(p), "admin", null, Map.of(), true);
            }
        }
        proxy.enabled(
                false); // Lambda's event source mapping reads the stream itself; its own retries are LocalStreams'
        while (streams.deliver() > 0) {
            // until the erasures are through
        }
        APIGatewayV2HTTPResponse totals =
                send("GET", "/invoices/totals?from=2025-03-01&to=2025-03-31", "finance", null, Map.of(), false);
        invoiceTotals = totals == null ? null : parse(totals.getBody());
        APIGatewayV2HTTPResponse report =
                send("GET", "/reports?from=2025-03-01&to=2025-03-31", "coordinator", null, Map.of(), false);
        monthReport = report == null ? null : parse(report.getBody());
        return new Outcome(requests.get(), retried.get(), lost.get(), statuses, failures);
    }

    /** A creating POST: the same Idempotency-Key on every try. Null if it never succeeded. */
    private JsonNode create(String path, String role, String body, String key) {
        Map<String, String> headers = idempotencyKeys ? Map.of("idempotency-key", "day-" + key + "-0001") : Map.of();
        APIGatewayV2HTTPResponse response = send("POST", path, role, body, headers, true);
        return response != null && response.getStatusCode() == 201 ? parse(response.getBody()) : null;
    }

    /**
     * A change with If-Match: on 412 after a lost answer, the change may have landed; the client reads
     * the record again and is done if it is there, else it tries with the new version.
     */
    private void change(
            String path,
            String method,
            String role,
            String body,
            String readPath,
            java.util.function.Predicate<JsonNode> done) {
        for (int round = 0; round < MAX_TRIES; round++) {
            APIGatewayV2HTTPResponse current = send("GET", readPath, role, null, Map.of(), false);
            if (current == null || current.getStatusCode() != 200) {
                return;
            }
            if (round > 0 && done.test(parse(current.getBody()))) {
                return;
            }
            String etag = current.getHeaders().get("ETag");
            APIGatewayV2HTTPResponse answer = send(method, path, role, body, Map.of("if-match", etag), true);
            if (answer == null || answer.getStatusCode() != 412) {
                return;
            }
        }
        failures.add(method + " " + path + ": still 412 after " + MAX_TRIES + " rounds");
    }

    /**
     * A coordinator merges {@code duplicate} into {@code survivor} at the versions read; a retry sends the
     * same Idempotency-Key, so a merge that stopped halfway is completed by it.
     */
    private void merge(String survivor, String duplicate) {
        APIGatewayV2HTTPResponse kept = send("GET", "/patients/" + survivor, "coordinator", null, Map.of(), false);
        APIGatewayV2HTTPResponse merged = send("GET", "/patients/" + duplicate, "coordinator", null, Map.of(), false);
        if (kept == null || merged == null || kept.getStatusCode() != 200 || merged.getStatusCode() != 200) {
            return;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("if-match", kept.getHeaders().get("ETag"));
        if (idempotencyKeys) {
            headers.put("idempotency-key", "day-merge-0001");
        }
        send(
                "POST",
                "/patients/" + survivor + "/merges",
                "coordinator",
                "{\"duplicate\":\"" + duplicate + "\",\"duplicateVersion\":"
                        + parse(merged.getBody()).get("version").asLong() + "}",
                headers,
                true);
    }

    private void move(String id, String body, String state) {
        change(
                "/referrals/" + id + "/transitions",
                "POST",
                "clinician",
                body,
                "/referrals/" + id,
                stored -> stored.get("state").asText().equals(state));
    }

    private void moveInvoice(String id, String body, String state) {
        change(
                "/invoices/" + id + "/transitions",
                "POST",
                "coordinator",
                body,
                "/invoices/" + id,
                stored -> stored.get("state").asText().equals(state));
    }

    private void read(String path) {
        send("GET", path, "coordinator", null, Map.of(), false);
    }

    /** One request as a phone sends it: again on 429/503 after Retry-After, again when a change's answer is lost. */
    private APIGatewayV2HTTPResponse send(
            String method, String path, String role, String body, Map<String, String> headers, boolean change) {
        int q = path.indexOf('?');
        Map<String, String> all = new LinkedHashMap<>(headers);
        if (body != null) {
            all.put("content-type", "application/json");
        }
        for (int attempt = 1; attempt <= MAX_TRIES; attempt++) {
            requests.incrementAndGet();
            APIGatewayV2HTTPResponse response = gateway.handle(new LocalGateway.Request(
                            method,
                            q < 0 ? path : path.substring(0, q),
                            q < 0 ? "" : path.substring(q + 1),
                            all,
                            body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                            ApiEvents.claims("day-" + role, role)))
                    .orElseThrow();
            synchronized (statuses) {
                statuses.merge(response.getStatusCode(), 1, Integer::sum);
            }
            // faulty or not, every answer is one openapi.json describes (429 and 503 included)
            OpenApiContract.assertResponseValid(
                    method,
                    q < 0 ? path : path.substring(0, q),
                    response.getStatusCode(),
                    response.getHeaders(),
                    response.getBody());
            ExampleRecorder.record(
                    gateway.routeKey(method, q < 0 ? path : path.substring(0, q))
                            .orElse(null),
                    response.getStatusCode(),
                    all.get("content-type"),
                    body,
                    response.getHeaders() == null ? null : response.getHeaders().get("Content-Type"),
                    response.getBody());
            if (response.getStatusCode() == 500) {
                failures.add(method + " " + path + " answered 500");
                return response;
            }
            if (response.getStatusCode() == 429 || response.getStatusCode() == 503) {
                if (!response.getHeaders().containsKey("Retry-After")) {
                    failures.add(
                            method + " " + path + " answered " + response.getStatusCode() + " without Retry-After");
                }
                retried.incrementAndGet();
                continue; // a phone waits Retry-After seconds; the scenario does not need to
            }
            if (change && phone.nextDouble() < lostAnswerShare) {
                lost.incrementAndGet();
                retried.incrementAndGet();
                continue; // the answer never reached the phone: it sends the same request again
            }
            return response;
        }
        failures.add(method + " " + path + ": no answer after " + MAX_TRIES + " tries");
        return null;
    }

    /**
     * What the tables hold, per scenario patient (not per random help number): whether the record is
     * there and erased, its version, its visits and how many are marked first, its referrals' states,
     * history lengths and whether their text is still there; and the whole tables' item counts.
     */
    public Map<String, Object> summary() {
        Map<String, Object> summary = new TreeMap<>();
        patients.forEach((p, helpNumber) -> {
            String key = helpNumber.replace("-", "");
            var patient = testbed.raw
                    .getItem(r -> r.tableName(testbed.tables.get("PatientsTable"))
                            .key(Map.of("helpNumber", AttributeValue.fromS(key)))
                            .consistentRead(true))
                    .item();
            var visits = testbed.raw
                    .query(r -> r.tableName(testbed.tables.get("VisitsTable"))
                            .keyConditionExpression("helpNumber = :h")
                            .expressionAttributeValues(Map.of(":h", AttributeValue.fromS(key)))
                            .consistentRead(true))
                    .items();
            List<String> refs = new ArrayList<>();
            for (String id : referrals.getOrDefault(p, List.of())) {
                var item = testbed.raw
                        .getItem(r -> r.tableName(testbed.tables.get("ReferralsTable"))
                                .key(Map.of("referralId", AttributeValue.fromS(id)))
                                .consistentRead(true))
                        .item();
                int history = testbed.raw
                        .query(r -> r.tableName(testbed.tables.get("ReferralHistoryTable"))
                                .keyConditionExpression("referralId = :r")
                                .expressionAttributeValues(Map.of(":r", AttributeValue.fromS(id)))
                                .consistentRead(true))
                        .count();
                refs.add(item.get("state").s() + "/history " + history + "/v"
                        + item.get("version").n() + (item.containsKey("clinicalQuestion") ? "/text" : "/erased"));
            }
            String invoice = invoices.containsKey(p) ? invoiceSummary(invoices.get(p)) : "none";
            summary.put(
                    String.format("patient %02d", p),
                    (patient.containsKey("erasedAt") ? "erased" : "kept")
                            + (patient.containsKey("mergedInto") ? "/merged" : "")
                            + (patient.containsKey("mergeMoving") ? "/moving" : "") + "/v"
                            + patient.get("version").n() + "/visits " + visits.size() + "/first "
                            + visits.stream()
                                    .filter(v -> v.containsKey("firstVisit")
                                            && v.get("firstVisit").bool())
                                    .count()
                            + "/referrals " + refs
                            + "/invoice " + invoice);
        });
        summary.put(
                "invoice totals",
                invoiceTotals == null ? "none" : invoiceTotals.get("invoices") + " " + invoiceTotals.get("amounts"));
        summary.put("month's report", monthReport == null ? "none" : monthReport.toString());
        for (String table : List.of(
                "PatientsTable",
                "VisitsTable",
                "ReferralsTable",
                "ReferralHistoryTable",
                "InvoicesTable",
                "InvoiceHistoryTable",
                "InvoiceNumbersTable",
                "IdempotencyTable")) {
            summary.put(
                    "items in " + table,
                    testbed.raw
                            .scan(r -> r.tableName(testbed.tables.get(table)))
                            .count());
        }
        return summary;
    }

    /** An invoice's state, version and history length, as stored (its amounts are encrypted: the totals show them). */
    private String invoiceSummary(String id) {
        var item = testbed.raw
                .getItem(r -> r.tableName(testbed.tables.get("InvoicesTable"))
                        .key(Map.of("invoiceId", AttributeValue.fromS(id)))
                        .consistentRead(true))
                .item();
        int history = testbed.raw
                .query(r -> r.tableName(testbed.tables.get("InvoiceHistoryTable"))
                        .keyConditionExpression("invoiceId = :i")
                        .expressionAttributeValues(Map.of(":i", AttributeValue.fromS(id)))
                        .consistentRead(true))
                .count();
        return item.get("state").s() + "/history " + history + "/v"
                + item.get("version").n() + (item.containsKey("erasedAt") ? "/erased" : "/kept");
    }

    public Map<FaultyDynamo.Fault, Integer> injected() {
        return proxy.injected();
    }

    public int dynamoCalls() {
        return proxy.calls();
    }

    private static JsonNode parse(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        proxy.close();
    }
}
