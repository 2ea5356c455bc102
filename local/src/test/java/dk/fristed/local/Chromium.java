package dk.fristed.local;

import com.fasterxml.jackson.databind.JsonNode;
import dk.fristed.devkit.FreePort;
import dk.fristed.json.Json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Headless Chromium driven through ChromeDriver's W3C WebDriver endpoints: open a page, click, run a
 * script. A few HTTP calls, so the tests need no WebDriver library; Debian's {@code chromium} and
 * {@code chromium-driver} packages provide the browser and the driver.
 */
final class Chromium implements AutoCloseable {
    private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
    /** Without the background-networking flags Chromium keeps calling Google's hosts, refused on a closed network. */
    private static final List<String> ARGUMENTS = List.of(
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync");

    private final Process driver;
    private final String session;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Chromium(Process driver, String session) {
        this.driver = driver;
        this.session = session;
    }

    /** The chromedriver on the PATH, or empty: the caller says why it cannot run. */
    /**
     * ChromeDriver, or the test skipped saying why; in CI ({@code FRISTED_REQUIRE_BROWSER=1}) a missing
     * browser fails it instead.
     */
    static Path driverOrSkip(String test) {
        Optional<Path> driver = driverBinary();
        if (driver.isEmpty()) {
            String why = test
                    + " needs Chromium and ChromeDriver (Debian: apt-get install chromium chromium-driver; .ci/run installs them)";
            if ("1".equals(System.getenv("FRISTED_REQUIRE_BROWSER"))) {
                org.junit.jupiter.api.Assertions.fail(why);
            }
            System.out.println("SKIPPED: " + why);
            org.junit.jupiter.api.Assumptions.abort(why);
        }
        return driver.get();
    }

    static Optional<Path> driverBinary() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "chromedriver");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    static Chromium start(Path driverBinary, Path profile) throws Exception {
        int port = FreePort.next();
        Process driver = new ProcessBuilder(driverBinary.toString(), "--port=" + port)
                .redirectErrorStream(true)
                .redirectOutput(profile.resolveSibling("chromedriver.log").toFile())
                .start();
        String base = "http://127.0.0.1:" + port;
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plusSeconds(20);
        while (true) {
            try {
                if (http.send(
                                        HttpRequest.newBuilder(URI.create(base + "/status"))
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString())
                                .statusCode()
                        == 200) {
                    break;
                }
            } catch (IOException notYet) {
                if (Instant.now().isAfter(deadline)) {
                    driver.destroy();
                    throw new IllegalStateException("chromedriver did not start on port " + port);
                }
                Thread.sleep(100);
            }
        }
        Map<String, Object> options = Map.of("args", concat(ARGUMENTS, "--user-data-dir=" + profile));
        JsonNode created = call(
                http,
                "POST",
                base + "/session",
                Map.of(
                        "capabilities",
                        Map.of("alwaysMatch", Map.of("browserName", "chrome", "goog:chromeOptions", options))));
        return new Chromium(
                driver, base + "/session/" + created.get("sessionId").asText());
    }

    void open(String url) throws Exception {
        call("POST", "/url", Map.of("url", url));
    }

    /** The browser's network cut off or given back, as DevTools' network emulation does it. */
    void offline(boolean offline) throws Exception {
        call(
                "POST",
                "/chromium/network_conditions",
                Map.of(
                        "network_conditions",
                        Map.of("offline", offline, "latency", 0, "download_throughput", -1, "upload_throughput", -1)));
    }

    /** WebDriver's key for Tab, to move the focus as a keyboard user does. */
    static final String TAB = "\uE004";

    /** Keys pressed one after another on the focused element, as a keyboard would (TAB among them). */
    void keys(String keys) throws Exception {
        List<Map<String, String>> presses = new java.util.ArrayList<>();
        keys.codePoints().mapToObj(Character::toString).forEach(key -> {
            presses.add(Map.of("type", "keyDown", "value", key));
            presses.add(Map.of("type", "keyUp", "value", key));
        });
        call(
                "POST",
                "/actions",
                Map.of("actions", List.of(Map.of("type", "key", "id", "keyboard", "actions", presses))));
    }

    /** The window's size in CSS pixels, e.g. a phone's 390 × 844. */
    void windowSize(int width, int height) throws Exception {
        call("POST", "/window/rect", Map.of("width", width, "height", height));
    }

    /** The page as it looks now, as PNG. */
    void screenshot(Path file) throws Exception {
        Files.createDirectories(file.getParent());
        Files.write(
                file,
                java.util.Base64.getDecoder()
                        .decode(call("GET", "/screenshot", null).asText()));
    }

    String url() throws Exception {
        return call("GET", "/url", null).asText();
    }

    void click(String cssSelector) throws Exception {
        String element = call("POST", "/element", Map.of("using", "css selector", "value", cssSelector))
                .get(ELEMENT)
                .asText();
        call("POST", "/element/" + element + "/click", Map.of());
    }

    /** Runs a script in the page; its {@code return} value as JSON. */
    JsonNode script(String script) throws Exception {
        return call("POST", "/execute/sync", Map.of("script", script, "args", List.of()));
    }

    /** Runs the script until what it returns passes the check, or fails after the timeout. */
    JsonNode waitFor(String script, Predicate<JsonNode> done, Duration timeout, String what) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        JsonNode value = script(script);
        while (!done.test(value)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("waited " + timeout.toSeconds() + " s for " + what + "; the page is at "
                        + url() + " and said " + value);
            }
            Thread.sleep(100);
            value = script(script);
        }
        return value;
    }

    private JsonNode call(String method, String path, Object body) throws Exception {
        return call(http, method, session + path, body);
    }

    private static JsonNode call(HttpClient http, String method, String url, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(60))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(Json.write(body)));
        HttpResponse<String> response = http.send(
                request.header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        JsonNode value = Json.mapper().readTree(response.body()).get("value");
        if (response.statusCode() != 200) {
            throw new IllegalStateException("WebDriver " + method + " " + url + ": " + value);
        }
        return value;
    }

    private static List<String> concat(List<String> list, String more) {
        return java.util.stream.Stream.concat(list.stream(), java.util.stream.Stream.of(more))
                .toList();
    }

    @Override
    public void close() {
        try {
            http.send(
                    HttpRequest.newBuilder(URI.create(session)).DELETE().build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (Exception ignored) {
            // the driver goes below either way
        } finally {
            driver.destroy();
        }
    }
}
