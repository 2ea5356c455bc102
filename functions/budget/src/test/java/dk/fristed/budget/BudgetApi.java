package dk.fristed.budget;

import dk.fristed.config.Categories;
import dk.fristed.devkit.FunctionTestbed;
import dk.fristed.log.JsonLog;
import dk.fristed.paging.Hmac;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/** The budget function on a {@link FunctionTestbed}, in Danish kroner, on 15 September 2025. */
final class BudgetApi {
    static final Instant NOW = Instant.parse("2025-09-15T10:00:00Z");

    final FunctionTestbed testbed = new FunctionTestbed();
    final Map<String, String> tables = testbed.tables;
    final ByteArrayOutputStream logs = new ByteArrayOutputStream();
    final BudgetFunction function;

    BudgetApi() {
        function = new BudgetFunction(
                new BudgetFunction.Tables(tables.get("BudgetTable"), tables.get("IdempotencyTable")),
                testbed.connection(),
                testbed.fieldEncryption,
                new Hmac(new byte[32]),
                "DKK",
                Categories.parse(Categories.DEFAULT),
                Clock.fixed(NOW, ZoneOffset.UTC),
                new JsonLog("budget", new PrintStream(logs, true, StandardCharsets.UTF_8)));
        testbed.serve(function);
    }

    FunctionTestbed.Response call(String method, String path, Object body, Map<String, String> headers) {
        return testbed.call(method, path, "finance", body, headers);
    }

    FunctionTestbed.Response call(String method, String path, Object body) {
        return call(method, path, body, Map.of());
    }

    /** Sets up a year with its need; returns nothing, fails loudly. */
    void year(int year, long need, Map<String, Long> plan) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("year", year);
        body.put("need", need);
        body.put("currency", "DKK");
        body.put("plan", plan);
        expect(201, call("POST", "/budget/years", body));
    }

    String source(String type, String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        if (name == null) {
            body.put("anonymous", true);
        } else {
            body.put("name", name);
        }
        return expect(201, call("POST", "/budget/sources", body))
                .body()
                .get("id")
                .asText();
    }

    FunctionTestbed.Response entry(int year, Object... fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < fields.length; i += 2) {
            body.put((String) fields[i], fields[i + 1]);
        }
        return call("POST", "/budget/years/" + year + "/entries", body);
    }

    /** A payment in kroner-øre of the budget currency; returns its ledger key. */
    String pay(int year, String sourceId, long amount, String date, Object... more) {
        Object[] fields = new Object[10 + more.length];
        System.arraycopy(
                new Object[] {"kind", "payment", "sourceId", sourceId, "amount", amount, "currency", "DKK", "date", date
                },
                0,
                fields,
                0,
                10);
        System.arraycopy(more, 0, fields, 10, more.length);
        return expect(201, entry(year, fields))
                .body()
                .get("entries")
                .get(0)
                .get("key")
                .asText();
    }

    static FunctionTestbed.Response expect(int status, FunctionTestbed.Response response) {
        if (response.status() != status) {
            throw new AssertionError("expected " + status + ", got " + response.status() + " " + response.body());
        }
        return response;
    }
}
