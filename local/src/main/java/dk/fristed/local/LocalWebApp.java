package dk.fristed.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dk.fristed.json.Json;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code make run}'s web app: the files of web/ on their own origin ({@code http://localhost:5173}), as
 * CloudFront would serve them, with the headers the deployed app gets (a strict Content-Security-Policy,
 * nosniff, no referrer, no framing) and a {@code /config.json} naming this runner's API and sign-in.
 */
final class LocalWebApp implements AutoCloseable {
    static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "json", "application/json",
            "svg", "image/svg+xml");

    private final HttpServer server;

    private LocalWebApp(HttpServer server) {
        this.server = server;
    }

    /** Serves {@code root} on 127.0.0.1:{@code port}; the API and sign-in are where the config says. */
    static LocalWebApp start(Path root, int port, String apiBaseUrl, String issuer, String clientId)
            throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 16);
        byte[] config = Json.write(Map.of("api", apiBaseUrl, "issuer", issuer, "clientId", clientId))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String policy = policy(apiBaseUrl, issuer);
        server.createContext("/", exchange -> {
            try (exchange) {
                serve(exchange, root.toRealPath(), config, policy);
            }
        });
        server.start();
        return new LocalWebApp(server);
    }

    /** Scripts, styles and pages from the app's own origin only; calls to the API and sign-in only. */
    static String policy(String apiBaseUrl, String issuer) {
        String connect = String.join(" ", new java.util.LinkedHashSet<>(List.of(origin(apiBaseUrl), origin(issuer))));
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self' "
                + connect + "; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'";
    }

    private static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getAuthority();
    }

    private static void serve(HttpExchange exchange, Path root, byte[] config, String policy) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Security-Policy", policy);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("Cache-Control", "no-cache");
        String path = exchange.getRequestURI().getPath();
        if (!exchange.getRequestMethod().equals("GET")) {
            send(exchange, 405, headers, "text/plain", "GET only".getBytes());
            return;
        }
        if (path.equals("/config.json")) {
            send(exchange, 200, headers, TYPES.get("json"), config);
            return;
        }
        // the app's own routes are pages of index.html (the sign-in returns to /signed-in)
        Path file = path.equals("/") || path.equals("/signed-in")
                ? root.resolve("index.html")
                : root.resolve(path.substring(1)).normalize();
        String name = file.getFileName().toString();
        String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1));
        if (!file.startsWith(root) || type == null || !Files.isRegularFile(file)) {
            send(exchange, 404, headers, "text/plain", "not found".getBytes());
            return;
        }
        send(exchange, 200, headers, type, Files.readAllBytes(file));
    }

    private static void send(HttpExchange exchange, int status, Map<String, String> headers, String type, byte[] body)
            throws IOException {
        headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
