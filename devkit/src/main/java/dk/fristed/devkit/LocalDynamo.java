package dk.fristed.devkit;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;

import java.lang.reflect.Field;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DynamoDB Local from Maven Central, no Docker, in this JVM and on loopback only: in memory for tests,
 * or keeping its data in a folder for the local runner. Creates template.yaml's tables on it.
 */
public final class LocalDynamo implements AutoCloseable {
    public static final String ACCESS_KEY = "local";
    public static final String SECRET_KEY = "local";

    private final DynamoDbClient client;
    private final DynamoDBProxyServer server;
    private final URI endpoint;

    private LocalDynamo(DynamoDbClient client, DynamoDBProxyServer server, URI endpoint) {
        this.client = client;
        this.server = server;
        this.endpoint = endpoint;
    }

    /**
     * In memory, for tests, on a free loopback port. An HTTP server rather than DynamoDB Local's
     * embedded client: that client skips the SDK's interceptors, and with them client-side encryption.
     */
    public static LocalDynamo inMemory() {
        try {
            return start(new String[] {"-inMemory", "-port", Integer.toString(FreePort.next()), "-disableTelemetry"});
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not start", e);
        }
    }

    /** An HTTP server on {@code port} that keeps its data in {@code dataDir} across restarts. */
    public static LocalDynamo server(Path dataDir, int port) throws Exception {
        Files.createDirectories(dataDir);
        return start(new String[] {
            "-dbPath", dataDir.toAbsolutePath().toString(), "-port", Integer.toString(port), "-disableTelemetry"
        });
    }

    /** DynamoDB Local prints its configuration block on System.out; `make run` prints only its own banner. */
    private static <T> T quietly(java.util.concurrent.Callable<T> start) throws Exception {
        java.io.PrintStream out = System.out;
        System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        try {
            return start.call();
        } finally {
            System.setOut(out);
        }
    }

    private static LocalDynamo start(String[] args) throws Exception {
        int port = Integer.parseInt(args[List.of(args).indexOf("-port") + 1]);
        DynamoDBProxyServer server = quietly(() -> ServerRunner.createServerFromCommandLineArgs(args));
        bindToLoopback(server);
        try {
            server.start();
        } catch (Exception e) {
            if (e.getCause() instanceof java.net.BindException
                    || e instanceof java.net.BindException
                    || String.valueOf(e.getMessage()).contains("Failed to bind")) {
                throw new IllegalStateException(
                        "port " + port + " is in use: is another `make run` still running?"
                                + " Stop it, or choose another port with DYNAMODB_PORT=...",
                        e);
            }
            throw e;
        }
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        return new LocalDynamo(client(endpoint), server, endpoint);
    }

    private static DynamoDbClient client(URI endpoint, ExecutionInterceptor... interceptors) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.EU_NORTH_1)
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.executionInterceptors(List.of(interceptors)))
                .build();
    }

    /**
     * The variables that point a function's SDK client (AwsClients) at DynamoDB Local, or at a proxy in
     * front of it ({@link FaultyDynamo}): endpoint, region and this server's credentials.
     */
    public static Map<String, String> clientVariables(URI endpoint) {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("AWS_ENDPOINT_URL_DYNAMODB", endpoint.toString());
        variables.put("AWS_REGION", "eu-north-1");
        variables.put("AWS_ACCESS_KEY_ID", ACCESS_KEY);
        variables.put("AWS_SECRET_ACCESS_KEY", SECRET_KEY);
        return variables;
    }

    /** A streams client of this server, for {@link LocalStreams}. */
    public software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient streamsClient() {
        return software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.EU_NORTH_1)
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /** A client of this server that runs {@code interceptors} on every call (client-side encryption, counting). */
    public DynamoDbClient client(ExecutionInterceptor... interceptors) {
        return client(endpoint, interceptors);
    }

    /**
     * DynamoDB Local has no host option and listens on every interface; the runner's data are real
     * enough to be personal, so its connector is narrowed to 127.0.0.1 before it starts.
     */
    private static void bindToLoopback(DynamoDBProxyServer proxy) {
        try {
            Field field = DynamoDBProxyServer.class.getDeclaredField("server");
            field.setAccessible(true);
            Server jetty = (Server) field.get(proxy);
            for (Connector connector : jetty.getConnectors()) {
                ((ServerConnector) connector).setHost("127.0.0.1");
            }
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException(
                    "cannot restrict DynamoDB Local to 127.0.0.1 (has its version changed?)", e);
        }
    }

    /** A plain client: what anyone reading the tables directly would see. */
    public DynamoDbClient client() {
        return client;
    }

    /** The server's address, for functions configured through AWS_ENDPOINT_URL_DYNAMODB. */
    public URI endpoint() {
        return endpoint;
    }

    /**
     * Creates every table of the template that does not exist yet, named {@code prefix + logicalId},
     * and answers the names by logical id.
     */
    public Map<String, String> createTables(SamTemplate template, String prefix) {
        return createTables(template, prefix, true);
    }

    /**
     * @param timeToLive false for tests: they set the functions' clock (often to a date in the past), while
     *                   DynamoDB Local's time-to-live sweeper deletes by the real clock, so an idempotency
     *                   claim "expired" in 2025 would vanish at a random moment during the test
     */
    public Map<String, String> createTables(SamTemplate template, String prefix, boolean timeToLive) {
        Map<String, String> names = new LinkedHashMap<>();
        for (TableDefinition table : template.tables()) {
            String name = prefix + table.logicalId();
            try {
                client.createTable(table.createRequest(name));
                table.timeToLiveAttribute()
                        .filter(attribute -> timeToLive)
                        .ifPresent(attribute -> client.updateTimeToLive(r -> r.tableName(name)
                                .timeToLiveSpecification(
                                        s -> s.attributeName(attribute).enabled(true))));
            } catch (ResourceInUseException alreadyThere) {
                // kept from an earlier run: its data is the point of -dbPath; a stream added to the template since is
                // added to it
                table.streamViewType().ifPresent(view -> {
                    if (client.describeTable(r -> r.tableName(name)).table().latestStreamArn() == null) {
                        client.updateTable(r -> r.tableName(name)
                                .streamSpecification(
                                        spec -> spec.streamEnabled(true).streamViewType(view)));
                    }
                });
            }
            names.put(table.logicalId(), name);
        }
        return names;
    }

    @Override
    public void close() {
        client.close();
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not stop", e);
        }
    }
}
