package dk.fristed.devkit;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/** What the functions' round-trip tests ask of a {@link FunctionTestbed}'s answers, written once. */
public final class RouteChecks {
    private RouteChecks() {}

    /** The request makes exactly the DynamoDB calls pinned for its route in {@link RouteProfiles}, and never a Scan. */
    public static void assertCalls(FunctionTestbed testbed, String route, Runnable request) {
        testbed.dynamoCalls.reset();
        request.run();
        List<String> made = testbed.dynamoCalls.list();
        if (!RouteProfiles.of(route).dynamoCalls().equals(made) || made.contains("scan")) {
            throw new AssertionError(route + " made " + made + ", its profile says "
                    + RouteProfiles.of(route).dynamoCalls());
        }
    }

    /** As {@link #assertCalls}, for a route that makes its reads side by side: the same calls, in any order. */
    public static void assertCallsInAnyOrder(FunctionTestbed testbed, String route, Runnable request) {
        testbed.dynamoCalls.reset();
        request.run();
        List<String> made = new ArrayList<>(testbed.dynamoCalls.list());
        List<String> profile = new ArrayList<>(RouteProfiles.of(route).dynamoCalls());
        made.sort(null);
        profile.sort(null);
        if (!profile.equals(made) || made.contains("scan")) {
            throw new AssertionError(route + " made " + made + ", its profile says " + profile);
        }
    }

    /**
     * Adds a line to {@code failures} unless the answer to hostile input is a 4xx problem document
     * without a stack trace; the line quotes the start of the path and body, never an answer.
     */
    public static void expectCleanProblem(
            List<String> failures, FunctionTestbed.Response response, String method, String path, String body) {
        boolean problem = response.body() != null
                && response.body().has("status")
                && response.body().has("title");
        String text = response.text() == null ? "" : response.text();
        if (response.status() < 400
                || response.status() >= 500
                || !problem
                || text.contains("Exception")
                || text.contains("at dk.")) {
            failures.add(method + " " + path.substring(0, Math.min(path.length(), 60)) + " with "
                    + (body == null ? "no body" : body.substring(0, Math.min(body.length(), 40))) + " -> "
                    + response.status());
        }
    }

    /** The ids of a page's items, in order; the page must be a 200. */
    public static List<String> ids(FunctionTestbed.Response page) {
        if (page.status() != 200) {
            throw new AssertionError("expected a page, got " + page.status() + " " + page.body());
        }
        List<String> ids = new ArrayList<>();
        page.body().get("items").forEach(i -> ids.add(i.get("id").asText()));
        return ids;
    }

    public static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(t -> texts.add(t.asText()));
        return texts;
    }

    /** Runs {@code request} once {@code start} opens: for requests that must race. */
    public static <T> T whenStarted(CountDownLatch start, Supplier<T> request) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return request.get();
    }

    /** Registers a made-up patient through the visits function the testbed serves; returns the help number. */
    public static String registerPatient(FunctionTestbed testbed) {
        Map<String, Object> patient = new LinkedHashMap<>();
        patient.put("birthYear", 1990);
        patient.put("sex", "male");
        patient.put("nationality", "SY");
        patient.put("languages", List.of("ar"));
        patient.put("interpreterNeeded", true);
        patient.put("name", "Test Person");
        var created = testbed.call("POST", "/patients", "coordinator", patient);
        if (created.status() != 201) {
            throw new AssertionError("registration failed: " + created);
        }
        return created.body().get("helpNumber").asText();
    }

    /** A coordinator merges {@code duplicate} into {@code survivor} through the visits function, at the versions just read. */
    public static void mergePatients(FunctionTestbed testbed, String survivor, String duplicate) {
        String etag = testbed.call("GET", "/patients/" + survivor, "coordinator", null)
                .header("ETag");
        long version = testbed.call("GET", "/patients/" + duplicate, "coordinator", null)
                .body()
                .get("version")
                .asLong();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("duplicate", duplicate);
        body.put("duplicateVersion", version);
        var merged = testbed.call(
                "POST", "/patients/" + survivor + "/merges", "coordinator", body, Map.of("If-Match", etag));
        if (merged.status() != 200) {
            throw new AssertionError("merge failed: " + merged);
        }
    }

    /** One transition of the record at {@code recordPath} ({@code /referrals/{id}}), with the version given. */
    public static FunctionTestbed.Response move(
            FunctionTestbed testbed, String recordPath, String role, long version, Map<String, Object> body) {
        return testbed.call("POST", recordPath + "/transitions", role, body, Map.of("If-Match", "\"" + version + "\""));
    }

    /** Moves the record through the steps given, from the version it is at, failing loudly on any refusal; returns the last version. */
    public static long walk(FunctionTestbed testbed, String recordPath, String role, List<Map<String, Object>> steps) {
        return walk(
                testbed,
                recordPath,
                role,
                testbed.call("GET", recordPath, role, null)
                        .body()
                        .get("history")
                        .size(),
                steps);
    }

    /** {@link #walk} from a version the caller knows (1 for a record just created): no read first. */
    public static long walk(
            FunctionTestbed testbed, String recordPath, String role, long from, List<Map<String, Object>> steps) {
        long version = from;
        for (Map<String, Object> step : steps) {
            var moved = move(testbed, recordPath, role, version, step);
            if (moved.status() != 200) {
                throw new AssertionError(step + " failed: " + moved);
            }
            version++;
        }
        return version;
    }

    /** A transition's body: the action and the fields given as name, value, name, value, ... */
    public static Map<String, Object> action(String action, Object... more) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("action", action);
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return body;
    }
}
