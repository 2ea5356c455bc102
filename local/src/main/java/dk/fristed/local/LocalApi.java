package dk.fristed.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dk.fristed.auth.Caller;
import dk.fristed.auth.Role;
import dk.fristed.aws.ServerKey;
import dk.fristed.devkit.LocalDynamo;
import dk.fristed.devkit.LocalGateway;
import dk.fristed.devkit.LocalSchedules;
import dk.fristed.devkit.LocalStreams;
import dk.fristed.devkit.SamTemplate;
import dk.fristed.encryption.FieldEncryption;
import dk.fristed.http.ApiFunction;
import dk.fristed.json.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * {@code make run}: the whole API on this machine, without Docker. DynamoDB Local keeps its data in
 * {@code .fristed/local}; the tables are created as template.yaml defines them; every HttpApi route
 * of template.yaml is served by its function's real handler class, with bearer tokens checked the
 * way API Gateway's JWT authorizer checks them.
 */
public final class LocalApi implements AutoCloseable {
    static final int DEFAULT_PORT = 3000;
    static final int DEFAULT_DYNAMODB_PORT = 8123;
    private static final int MAX_BODY_BYTES = 10 * 1024 * 1024; // API Gateway's payload limit
    static final String INVOKE_PATH = "/_local/invoke/";

    private final LocalDynamo dynamo;
    private final HttpServer server;
    private final ExecutorService workers;
    private final LocalGateway gateway;
    private final LocalAuthority authority;
    private final SamTemplate template;
    /** The exchange's attribute holding what its access log line says. */
    private static final String ACCESS = "fristed.access";

    private final LocalCors cors;
    private final LocalSignIn signIn;
    private final LocalApps apps;
    private final LocalAccessLog accessLog;
    private final LocalStreams streams;
    private final LocalSchedules schedules;
    /** Delivers the tables' streams every second and runs the schedules, as Lambda and EventBridge do in AWS. */
    private final ScheduledExecutorService background;

    /** web/ on the apps' local origin, when make run serves it; null otherwise. */
    private LocalWebApp webApp;

    private LocalApi(
            LocalDynamo dynamo,
            HttpServer server,
            ExecutorService workers,
            LocalGateway gateway,
            LocalAuthority authority,
            SamTemplate template,
            LocalStreams streams,
            LocalSchedules schedules,
            ScheduledExecutorService background,
            LocalApps apps) {
        this.dynamo = dynamo;
        this.server = server;
        this.workers = workers;
        this.gateway = gateway;
        this.authority = authority;
        this.template = template;
        this.cors = LocalCors.of(template, apps.origin());
        this.signIn = LocalSignIn.of(template, authority, apps, cors);
        this.apps = apps;
        this.accessLog = LocalAccessLog.of(template);
        this.streams = streams;
        this.schedules = schedules;
        this.background = background;
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", Integer.toString(DEFAULT_PORT)));
        int dynamoPort = Integer.parseInt(
                System.getenv().getOrDefault("DYNAMODB_PORT", Integer.toString(DEFAULT_DYNAMODB_PORT)));
        long started = System.nanoTime();
        LocalApi api = start(SamTemplate.ofProject(), dataDir(), fieldKeyFile(), port, dynamoPort);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("stopping: the API, then DynamoDB Local (data stays in " + dataDir() + ")");
            api.close();
        }));
        api.printBanner((System.nanoTime() - started) / 1_000_000);
    }

    /** {@code .fristed/local} in the project root, or {@code FRISTED_DATA_DIR}. */
    static Path dataDir() {
        String configured = System.getenv("FRISTED_DATA_DIR");
        return configured != null
                ? Path.of(configured)
                : SamTemplate.projectRoot().resolve(".fristed").resolve("local");
    }

    /**
     * The local key that encrypts personal fields: outside the project and its data folder, so that a
     * copied project or data folder holds only ciphertext. {@code FRISTED_FIELD_KEY_FILE} moves it.
     */
    static Path fieldKeyFile() {
        String configured = System.getenv("FRISTED_FIELD_KEY_FILE");
        if (configured != null) {
            return Path.of(configured);
        }
        String config = System.getenv("XDG_CONFIG_HOME");
        Path configHome = config != null ? Path.of(config) : Path.of(System.getProperty("user.home"), ".config");
        return configHome.resolve("fristed").resolve("local-field-key");
    }

    public static LocalApi start(SamTemplate template, Path dataDir, Path fieldKeyFile, int port, int dynamoPort)
            throws Exception {
        return start(template, dataDir, fieldKeyFile, port, dynamoPort, LocalApps.fromEnvironment());
    }

    /** @param apps the origin pages may call from and where sign-in may return (tests set their own) */
    public static LocalApi start(
            SamTemplate template, Path dataDir, Path fieldKeyFile, int port, int dynamoPort, LocalApps apps)
            throws Exception {
        return start(template, dataDir, fieldKeyFile, port, dynamoPort, apps, UnaryOperator.identity());
    }

    /**
     * @param dynamoRoute what the functions' DynamoDB client reaches instead of DynamoDB Local's endpoint
     *                    (a test puts {@code FaultyDynamo} there to see a throttled answer in a browser)
     */
    public static LocalApi start(
            SamTemplate template,
            Path dataDir,
            Path fieldKeyFile,
            int port,
            int dynamoPort,
            LocalApps apps,
            UnaryOperator<URI> dynamoRoute)
            throws Exception {
        Files.createDirectories(dataDir);
        LocalDynamo dynamo = LocalDynamo.server(dataDir.resolve("dynamodb"), dynamoPort);
        try {
            Map<String, String> tables = dynamo.createTables(template, "fristed-local-");
            Map<String, String> variables = LocalDynamo.clientVariables(dynamoRoute.apply(dynamo.endpoint()));
            variables.put(ServerKey.LOCAL_KEY_VARIABLE, localSecret(dataDir.resolve("server-key")));
            variables.put(FieldEncryption.LOCAL_KEY_VARIABLE, localSecret(fieldKeyFile));
            // under the stage, as deployed ("/prod/visits"): a link that leaves out the stage fails here too
            LocalGateway gateway = LocalGateway.fromTemplate(template, tables, variables)
                    .underStage(template.parameterDefault("Stage"));
            // functions without routes: stream and schedule handlers, built from their environment like the others
            var others = LocalGateway.routeless(template, tables, variables);
            LocalStreams streams = LocalStreams.fromTemplate(template, dynamo, tables, others::get);
            LocalSchedules schedules = new LocalSchedules(template, others::get);
            ScheduledExecutorService background = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "local-streams-and-schedules");
                thread.setDaemon(true);
                return thread;
            });
            background.scheduleWithFixedDelay(() -> deliver(streams), 1, 1, TimeUnit.SECONDS);
            schedules.start(background);
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
            LocalAuthority authority = LocalAuthority.inFolder(
                    dataDir, LocalAuthority.issuerAt(server.getAddress().getPort()));
            ExecutorService workers = Executors.newFixedThreadPool(8);
            LocalApi api = new LocalApi(
                    dynamo, server, workers, gateway, authority, template, streams, schedules, background, apps);
            server.createContext("/", api::serve);
            server.setExecutor(workers);
            server.start();
            api.serveWebApp();
            return api;
        } catch (Exception e) {
            dynamo.close();
            throw e;
        }
    }

    private static void deliver(LocalStreams streams) {
        try {
            streams.deliver();
        } catch (RuntimeException e) {
            // as Lambda: the records stay and come again; the class only, a message could quote a value
            System.err.println(
                    "{\"level\":\"ERROR\",\"logger\":\"local-runner\",\"message\":\"stream delivery failed\",\"error\":\""
                            + e.getClass().getName() + "\"}");
        }
    }

    /** Delivers what the streams hold now (tests; the runner does it every second by itself). */
    public int deliverStreams() {
        return streams.deliver();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * web/ on the apps' origin ({@code http://localhost:5173}), when they are to be served here; a port
     * already taken (a dev server of the app's own) is left to it.
     */
    private void serveWebApp() throws IOException {
        Optional<Integer> port = apps.localPort();
        if (!apps.servesWebApp() || port.isEmpty()) {
            return;
        }
        try {
            webApp = LocalWebApp.start(
                    SamTemplate.projectRoot().resolve("web"),
                    port.get(),
                    baseUrl(),
                    authority.issuer(),
                    LocalAuthority.AUDIENCE);
        } catch (java.net.BindException taken) {
            System.out.println("the web app is not served: " + apps.origin() + " is taken (a dev server of its own?)");
        }
    }

    /** Where the API's routes begin: {@code http://localhost:3000/prod}, the stage's path as in the deployed URL. */
    public String baseUrl() {
        return "http://localhost:" + port() + "/" + template.parameterDefault("Stage");
    }

    public LocalAuthority authority() {
        return authority;
    }

    private void serve(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        Map<String, String> access = new LinkedHashMap<>();
        access.put("requestId", java.util.UUID.randomUUID().toString());
        access.put("requestTimeEpoch", Long.toString(System.currentTimeMillis()));
        exchange.setAttribute(ACCESS, access);
        try (exchange) {
            serveLogged(exchange, access);
        } finally {
            access.put("responseLatency", Long.toString((System.nanoTime() - started) / 1_000_000));
            System.out.println(accessLog.line(access));
        }
    }

    private void serveLogged(HttpExchange exchange, Map<String, String> access) throws IOException {
        try {
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            String path = exchange.getRequestURI().getRawPath();
            if (LocalSignIn.handles(path)) { // Cognito's endpoints: no bearer token, not the API
                byte[] form = readBody(exchange.getRequestBody());
                var answer = signIn.serve(
                        method,
                        path,
                        exchange.getRequestURI().getRawQuery(),
                        exchange.getRequestHeaders().getFirst("Origin"),
                        exchange.getRequestHeaders().getFirst("Content-Type"),
                        form == null ? null : new String(form, StandardCharsets.UTF_8));
                send(exchange, answer.status(), answer.headers(), answer.body());
                return;
            }
            if (method.equals("OPTIONS")) {
                preflight(exchange);
                return;
            }
            byte[] body = readBody(exchange.getRequestBody());
            if (body == null) {
                send(
                        exchange,
                        413,
                        Map.of("Content-Type", "application/json"),
                        "{\"message\":\"Request Entity Too Large\"}");
                return;
            }
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders()
                    .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
            // API Gateway runs the authorizer before it looks at the route's function
            gateway.routeKey(method, path).ifPresent(key -> access.put("routeKey", key));
            var claims = authority.verify(headers.get("authorization"));
            if (claims.isEmpty()) {
                access.put("authorizer.error", "Unauthorized");
                send(
                        exchange,
                        401,
                        Map.of("Content-Type", "application/json", "WWW-Authenticate", "Bearer"),
                        "{\"message\":\"Unauthorized\"}");
                return;
            }
            access.put("authorizer.claims.cognito:groups", claims.get().getOrDefault("cognito:groups", "-"));
            if (method.equals("POST") && path.startsWith(INVOKE_PATH)) {
                invoke(exchange, path.substring(INVOKE_PATH.length()), claims.get());
                return;
            }
            var response = gateway.handle(new LocalGateway.Request(
                    method, path, exchange.getRequestURI().getRawQuery(), headers, body, claims.get()));
            if (response.isEmpty()) {
                send(exchange, 404, Map.of("Content-Type", "application/json"), "{\"message\":\"Not Found\"}");
                return;
            }
            access.put("integrationStatus", Integer.toString(response.get().getStatusCode()));
            write(exchange, response.get());
        } catch (RuntimeException e) {
            // A function that fails at init or throws out of its handler: API Gateway's answer
            System.err.println(
                    "{\"level\":\"ERROR\",\"logger\":\"local-runner\",\"message\":\"invocation failed\",\"error\":\""
                            + e.getClass().getName() + "\"}");
            send(exchange, 500, Map.of("Content-Type", "application/json"), "{\"message\":\"Internal Server Error\"}");
        }
    }

    /**
     * {@code make invoke FN=...}: runs a scheduled function now, as its schedule would. Local only (the
     * runner listens on 127.0.0.1) and for admins, like everything that acts for the whole clinic.
     */
    private void invoke(HttpExchange exchange, String logicalId, Map<String, String> claims) throws IOException {
        if (!Caller.fromClaims(claims).roles().contains(Role.ADMIN)) {
            send(exchange, 403, Map.of("Content-Type", "application/json"), "{\"message\":\"Forbidden\"}");
            return;
        }
        if (!schedules.schedules().containsKey(logicalId)) {
            send(
                    exchange,
                    404,
                    Map.of("Content-Type", "application/json"),
                    Json.write(Map.of(
                            "message",
                            "no scheduled function " + logicalId,
                            "scheduled",
                            schedules.schedules().keySet())));
            return;
        }
        send(exchange, 200, Map.of("Content-Type", "application/json"), Json.write(schedules.invoke(logicalId)));
    }

    private void preflight(HttpExchange exchange) throws IOException {
        send(exchange, 204, cors.preflight(exchange.getRequestHeaders().getFirst("Origin")), null);
    }

    private void write(HttpExchange exchange, APIGatewayV2HTTPResponse response) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        if (response.getHeaders() != null) {
            headers.putAll(response.getHeaders());
        }
        headers.putAll(cors.onAnswer(exchange.getRequestHeaders().getFirst("Origin")));
        byte[] body = response.getBody() == null
                ? null
                : response.getIsBase64Encoded()
                        ? Base64.getDecoder().decode(response.getBody())
                        : response.getBody().getBytes(StandardCharsets.UTF_8);
        sendBytes(exchange, response.getStatusCode(), headers, body);
    }

    private static void send(HttpExchange exchange, int status, Map<String, String> headers, String body)
            throws IOException {
        sendBytes(exchange, status, headers, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    private static void sendBytes(HttpExchange exchange, int status, Map<String, String> headers, byte[] body)
            throws IOException {
        Object access = exchange.getAttribute(ACCESS);
        if (access != null) {
            ((Map<String, String>) access).put("status", Integer.toString(status));
        }
        headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        if (body == null || body.length == 0) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** The body, or null when it is larger than API Gateway accepts. */
    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        return body.length > MAX_BODY_BYTES ? null : body;
    }

    /**
     * A random 256-bit key, readable by its owner only, made on first use: the key that signs cursors
     * and fingerprints (in AWS derived from KMS), and the one that encrypts personal fields (in AWS a
     * branch key under KMS). Losing the field key makes the local records unreadable.
     */
    private static String localSecret(Path file) throws IOException {
        if (!Files.exists(file)) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.writeString(file, Base64.getEncoder().encodeToString(key));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // the folder's own permissions apply
            }
        }
        return Files.readString(file).strip();
    }

    void printBanner(long startMillis) throws IOException {
        Path tokens = dataDir().resolve("tokens");
        Files.createDirectories(tokens);
        for (Role role : Role.values()) {
            Files.writeString(
                    tokens.resolve(role.groupName() + ".jwt"),
                    authority.issue(LocalUser.of(role).subject(), List.of(role)));
        }
        StringBuilder banner = new StringBuilder();
        banner.append("\nFristed local API  ")
                .append(baseUrl())
                .append("   (started in ")
                .append(startMillis)
                .append(" ms)\n");
        banner.append("  DynamoDB Local    ")
                .append(dynamo.endpoint())
                .append("   data kept in ")
                .append(dataDir().resolve("dynamodb"))
                .append('\n');
        banner.append("  field key         ")
                .append(fieldKeyFile())
                .append("   (kept apart from the data; losing it loses them)\n");
        banner.append("  template          ").append(template.path()).append("\n\n");
        for (var function : gateway.functions()) {
            banner.append("  ")
                    .append(function.logicalId())
                    .append("  (")
                    .append(function.handler())
                    .append(")\n");
            for (var route : function.routes()) {
                banner.append(String.format("    %-6s %s%n", route.method(), route.path()));
            }
        }
        for (var schedule : schedules.schedules().values()) {
            banner.append("  ")
                    .append(schedule.functionLogicalId())
                    .append("  runs ")
                    .append(schedule.expression())
                    .append(" (UTC); now: make invoke FN=")
                    .append(schedule.functionLogicalId())
                    .append('\n');
        }
        for (var subscription : template.streamSubscriptions()) {
            banner.append("  ")
                    .append(subscription.functionLogicalId())
                    .append("  reads the stream of ")
                    .append(subscription.tableLogicalId())
                    .append(" (delivered every second)\n");
        }
        banner.append("\n  Tokens, valid 12 h, one per role (clinician, coordinator, finance, admin):\n");
        banner.append("    TOKEN=$(cat ")
                .append(tokens.resolve("clinician.jwt"))
                .append(")   or   TOKEN=$(make -s token ROLE=clinician)\n");
        banner.append("    curl -H \"Authorization: Bearer $TOKEN\" ")
                .append(baseUrl())
                .append("/patients/K7MQ-X9PK\n");
        if (webApp != null) {
            banner.append("\n  The web app (web/)  ")
                    .append(apps.origin())
                    .append("   sign in as any of the four test users\n");
        }
        banner.append("\n  Apps sign in with OpenID Connect (authorization code + PKCE): authority ")
                .append(authority.issuer())
                .append(",\n    client id ")
                .append(LocalAuthority.AUDIENCE)
                .append(", pages on ")
                .append(apps.origin())
                .append(", returning to ")
                .append(apps.callbackUrls())
                .append('\n');
        banner.append("\n  Request bodies up to ")
                .append(ApiFunction.MAX_BODY_BYTES / 1024)
                .append(" KiB.  Ctrl-C stops.\n");
        System.out.println(banner);
    }

    @Override
    public void close() {
        if (webApp != null) {
            webApp.close();
        }
        background.shutdownNow();
        server.stop(0);
        workers.shutdownNow();
        dynamo.close();
    }
}
