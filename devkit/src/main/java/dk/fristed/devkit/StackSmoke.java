package dk.fristed.devkit;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.fristed.config.Environment;
import dk.fristed.idempotency.IdempotencyStore;
import dk.fristed.json.Json;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * {@code make localstack}'s smoke test of a deployed stack: each function of template.yaml, invoked
 * by its deployed name through the Lambda API with the event API Gateway would send, registers a
 * made-up patient and a visit (and its retry), drafts a referral for it (and its retry), sends it and
 * reads its history, registers an invoice (its retry, its duplicate), asks for its credit and reads the
 * totals, posts a payment to a budget year (and its retry) and erases its donor, records an open day and reads
 * a month's report and finance's publishable year, reads them back, checks the audit trail and refused roles, and erases the patient. The
 * bodies are those of events/. Exits non-zero at the first answer that is not the expected one.
 *
 * <p>Usage: {@code StackSmoke <stage>} with AWS_REGION, credentials and, for LocalStack,
 * AWS_ENDPOINT_URL in the environment.
 */
public final class StackSmoke {
    /** The subject the smoke test's requests carry: what the deployed audit trail shows for them. */
    static final String SUBJECT = "stack-smoke-test";

    private final LocalGateway gateway;
    private final PrintStream progress;
    private int requests;
    /** The made-up patient's, once registered; progress lines show the route instead. */
    private String helpNumber;

    private String duplicate;

    public StackSmoke(LocalGateway gateway, PrintStream progress) {
        this.gateway = gateway;
        this.progress = progress;
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println(
                    "usage: StackSmoke <stage>   (the stack's Stage parameter; functions are fristed-<stage>-*)");
            System.exit(2);
        }
        SamTemplate template = SamTemplate.ofProject();
        Environment env = Environment.system();
        LocalGateway deployed = LocalGateway.withHandlers(
                template, function -> new LambdaApi(env, template.deployedName(function, args[0])));
        try {
            int requests = new StackSmoke(deployed, System.out).run();
            System.out.printf(
                    "smoke test: the deployed functions of stage %s answered all %d requests as expected%n",
                    args[0], requests);
        } catch (RuntimeException | AssertionError e) {
            System.out.println("smoke test FAILED: " + e.getMessage());
            System.exit(1);
        }
    }

    /** @return the number of requests made, all answered as expected */
    public int run() {
        String patient = ApiEvents.fixture("post-patients.json").get("body").asText();
        helpNumber = expect(201, "register a patient", "POST", "/patients", "clinician", patient, newKey())
                .get("helpNumber")
                .asText();
        expect(200, "read the patient", "GET", "/patients/" + helpNumber, "clinician", null, null);

        ObjectNode visit = (ObjectNode)
                parse(ApiEvents.fixture("post-visits.json").get("body").asText());
        visit.put("helpNumber", helpNumber);
        String visitKey = newKey();
        JsonNode first = expect(201, "register a visit", "POST", "/visits", "clinician", visit.toString(), visitKey);
        JsonNode retried = expect(
                201,
                "retry it with the same Idempotency-Key",
                "POST",
                "/visits",
                "clinician",
                visit.toString(),
                visitKey);
        check(first.equals(retried), "the retry answered a different visit: it was registered twice");
        JsonNode visits = expect(
                200,
                "list the patient's visits",
                "GET",
                "/patients/" + helpNumber + "/visits",
                "clinician",
                null,
                null);
        check(
                visits.get("items").size() == 1,
                "the patient has " + visits.get("items").size() + " visits, not 1");

        ObjectNode referral = (ObjectNode)
                parse(ApiEvents.fixture("post-referrals.json").get("body").asText());
        referral.put("helpNumber", helpNumber);
        String referralKey = newKey();
        String referralId = expect(
                        201, "draft a referral", "POST", "/referrals", "clinician", referral.toString(), referralKey)
                .get("id")
                .asText();
        check(
                referralId.equals(expect(
                                201,
                                "retry it with the same Idempotency-Key",
                                "POST",
                                "/referrals",
                                "clinician",
                                referral.toString(),
                                referralKey)
                        .get("id")
                        .asText()),
                "the retry answered a different referral: it was drafted twice");
        expect(
                200,
                "send the referral",
                "POST",
                "/referrals/" + referralId + "/transitions",
                "clinician",
                "{\"action\":\"send\"}",
                null,
                "\"1\"");
        JsonNode read =
                expect(200, "read it with its history", "GET", "/referrals/" + referralId, "coordinator", null, null);
        check(
                read.get("history").size() == 2,
                "the referral has " + read.get("history").size() + " history entries, not 2");
        expect(403, "refuse the finance role a referral", "GET", "/referrals/" + referralId, "finance", null, null);

        ObjectNode invoice = (ObjectNode)
                parse(ApiEvents.fixture("post-invoices.json").get("body").asText());
        invoice.put("helpNumber", helpNumber);
        invoice.put(
                "invoiceNumber", "SMOKE-" + newKey()); // unique in every run: a creditor's number is registered once
        String invoiceKey = newKey();
        String invoiceId = expect(
                        201, "register an invoice", "POST", "/invoices", "coordinator", invoice.toString(), invoiceKey)
                .get("id")
                .asText();
        check(
                invoiceId.equals(expect(
                                201,
                                "retry it with the same Idempotency-Key",
                                "POST",
                                "/invoices",
                                "coordinator",
                                invoice.toString(),
                                invoiceKey)
                        .get("id")
                        .asText()),
                "the retry answered a different invoice: it was registered twice");
        expect(
                409,
                "refuse the same invoice number again",
                "POST",
                "/invoices",
                "coordinator",
                invoice.toString(),
                newKey());
        expect(
                200,
                "ask the creditor to credit it",
                "POST",
                "/invoices/" + invoiceId + "/transitions",
                "coordinator",
                "{\"action\":\"request_credit\",\"channel\":\"letter\"}",
                null,
                "\"1\"");
        JsonNode credit =
                expect(200, "read it with its history", "GET", "/invoices/" + invoiceId, "clinician", null, null);
        check(
                credit.get("history").size() == 2,
                "the invoice has " + credit.get("history").size() + " history entries, not 2");
        expect(
                200,
                "give finance the invoice totals",
                "GET",
                "/invoices/totals?from=2025-01-01&to=2025-12-31",
                "finance",
                null,
                null);
        expect(403, "refuse the finance role an invoice", "GET", "/invoices/" + invoiceId, "finance", null, null);

        // the budget: a made-up year far back (set up once per stack, so a second run finds it: 409) and a donor erased
        // at the end
        int year = expect(
                201,
                409,
                "set up a budget year",
                "POST",
                "/budget/years",
                "finance",
                "{\"year\":2009,\"need\":100000,\"currency\":\"" + budgetCurrency() + "\"}");
        String source = expect(
                        201,
                        "register a funding source",
                        "POST",
                        "/budget/sources",
                        "finance",
                        ApiEvents.fixture("post-budget-sources.json")
                                .get("body")
                                .asText(),
                        newKey())
                .get("id")
                .asText();
        String payment = "{\"kind\":\"payment\",\"sourceId\":\"" + source + "\",\"amount\":12345,\"currency\":\""
                + budgetCurrency() + "\",\"date\":\"2009-06-01\"}";
        String paymentKey = newKey();
        JsonNode paid =
                expect(201, "post a payment", "POST", "/budget/years/2009/entries", "finance", payment, paymentKey);
        check(
                paid.equals(expect(
                        201,
                        "retry it with the same Idempotency-Key",
                        "POST",
                        "/budget/years/2009/entries",
                        "finance",
                        payment,
                        paymentKey)),
                "the retry answered a different entry: the payment counted twice");
        expect(200, "read the year's progress", "GET", "/budget/years/2009/progress", "finance", null, null);
        expect(403, "refuse a clinician the budget", "GET", "/budget/years/2009/progress", "clinician", null, null);
        expect(204, "erase the made-up donor's name", "DELETE", "/budget/sources/" + source, "finance", null, null);
        check(year == 201 || year == 409, "the year answered " + year);

        // reports: an open day far back (recorded once per stack: a second run finds it, 200) and the figures around it
        String site = firstSite();
        expect(
                201,
                200,
                "record an open day",
                "PUT",
                "/open-days/" + site + "/2009-06-02",
                "coordinator",
                "{\"kind\":\"drop_in\"}");
        JsonNode month = expect(
                200,
                "report on that month at the site",
                "GET",
                "/reports?from=2009-06-01&to=2009-06-30&site=" + site,
                "coordinator",
                null,
                null);
        check(
                month.at("/openDays/total").asInt() == 1,
                "the month has " + month.at("/openDays/total") + " open days, not 1");
        JsonNode published = expect(
                200, "give finance the year's publishable report", "GET", "/reports/2009", "finance", null, null);
        check(
                published.get("version").asText().equals("publishable"),
                "finance was given the " + published.get("version") + " version");
        expect(403, "refuse a clinician the reports", "GET", "/reports/2009", "clinician", null, null);

        duplicate = expect(201, "register the same patient again", "POST", "/patients", "clinician", patient, newKey())
                .get("helpNumber")
                .asText();
        String merge = "{\"duplicate\":\"" + duplicate + "\",\"duplicateVersion\":1,\"takeFromDuplicate\":[\"phone\"]}";
        JsonNode merged = expect(
                200,
                "merge the duplicate into the first record",
                "POST",
                "/patients/" + helpNumber + "/merges",
                "coordinator",
                merge,
                newKey(),
                "\"1\"");
        check(merged.get("mergedFrom").size() == 1, "the merged record does not list the duplicate");
        expect(
                410,
                "point the old help number to the merged record",
                "GET",
                "/patients/" + duplicate,
                "clinician",
                null,
                null);

        expect(
                403,
                "refuse the finance role a patient record",
                "GET",
                "/patients/" + helpNumber,
                "finance",
                null,
                null);
        JsonNode audit = expect(
                200, "read the patient's audit trail", "GET", "/audit/patients/" + helpNumber, "admin", null, null);
        check(
                audit.get("items").size() >= 3,
                "the audit trail has " + audit.get("items").size() + " entries, not 3 or more");
        expect(200, "serve the OpenAPI description", "GET", "/openapi.json", "clinician", null, null);
        JsonNode reference = expect(200, "list the reference lists", "GET", "/reference", "finance", null, null);
        check(
                reference.get("diagnosisCodes").size() > 1000
                        && reference.get("sites").size() > 0,
                "the reference lists have " + reference.get("diagnosisCodes").size() + " ICPC-2 codes and "
                        + reference.get("sites").size() + " sites");
        expect(204, "erase the made-up patient", "DELETE", "/patients/" + helpNumber, "admin", null, null);
        expect(410, "answer 410 for the erased patient", "GET", "/patients/" + helpNumber, "clinician", null, null);
        return requests;
    }

    private JsonNode expect(
            int status, String step, String method, String path, String group, String body, String key) {
        return expect(status, step, method, path, group, body, key, null);
    }

    /** A step that may find its work done by an earlier run: answers which of the two statuses came. */
    private int expect(int status, int orStatus, String step, String method, String path, String group, String body) {
        try {
            expect(status, step, method, path, group, body, newKey());
            return status;
        } catch (AssertionError first) {
            expect(orStatus, step + " (set up before)", method, path, group, body, newKey());
            return orStatus;
        }
    }

    /** The first site the stack was deployed with (the template's default unless SITES says otherwise). */
    private static String firstSite() {
        return System.getenv()
                .getOrDefault("SITES", "copenhagen,aarhus,odense,aalborg")
                .split(",")[0]
                .trim();
    }

    /** The budget currency the stack was deployed with (the template's default unless BUDGET_CURRENCY says otherwise). */
    private static String budgetCurrency() {
        return System.getenv().getOrDefault("BUDGET_CURRENCY", "DKK");
    }

    private JsonNode expect(
            int status,
            String step,
            String method,
            String path,
            String group,
            String body,
            String key,
            String ifMatch) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (ifMatch != null) {
            headers.put("if-match", ifMatch);
        }
        if (body != null) {
            headers.put("content-type", "application/json");
        }
        if (key != null) {
            headers.put(IdempotencyStore.HEADER, key);
        }
        requests++;
        int query = path.indexOf('?');
        APIGatewayV2HTTPResponse response = gateway.handle(new LocalGateway.Request(
                        method,
                        query < 0 ? path : path.substring(0, query),
                        query < 0 ? "" : path.substring(query + 1),
                        headers,
                        body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                        ApiEvents.claims(SUBJECT, group)))
                .orElseThrow(() -> new AssertionError("template.yaml has no route for " + method + " " + path));
        check(
                response.getStatusCode() == status,
                step + ": expected " + status + ", got " + response.getStatusCode() + " " + problem(response));
        progress.printf(
                "  ok  %-44s %s %s -> %d%n",
                step,
                method,
                helpNumber == null
                        ? path
                        : path.replace(helpNumber, "{helpNumber}")
                                .replace(duplicate == null ? helpNumber : duplicate, "{duplicate}"),
                status);
        return response.getBody() == null || response.getBody().isEmpty() ? null : parse(response.getBody());
    }

    /** A problem's title and detail, which never quote what was sent (see ProblemResponses). */
    private static String problem(APIGatewayV2HTTPResponse response) {
        try {
            JsonNode problem = Json.mapper().readTree(response.getBody());
            return problem.path("title").asText("") + ": "
                    + problem.path("detail").asText("");
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static void check(boolean holds, String failure) {
        if (!holds) {
            throw new AssertionError(failure);
        }
    }

    private static JsonNode parse(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new AssertionError("not JSON", e);
        }
    }

    private static String newKey() {
        return UUID.randomUUID().toString();
    }
}
