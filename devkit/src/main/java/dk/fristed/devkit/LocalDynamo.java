package dk.fristed.devkit;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;

import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import java.lang.reflect.Field;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * DynamoDB Local from Maven Central, no Docker: in-process and in-memory for tests, or as an HTTP
 * server keeping its data in a folder for the local runner. Creates template.yaml's tables on it.
 */
public final class LocalDynamo implements AutoCloseable {
    public static final String ACCESS_KEY = "local";
    public static final String SECRET_KEY = "local";

    private final DynamoDbClient client;
    private final DynamoDBProxyServer server;
    private final URI endpoint;
    private final Runnable shutdown;

    private LocalDynamo(DynamoDbClient client, DynamoDBProxyServer server, URI endpoint, Runnable shutdown) {
        this.client = client;
        this.server = server;
        this.endpoint = endpoint;
        this.shutdown = shutdown;
    }

    /** In-process and in-memory: starts in about half a second, for tests. */
    public static LocalDynamo inMemory() {
        var embedded = DynamoDBEmbedded.create(true); // true: telemetry off
        return new LocalDynamo(embedded.dynamoDbClient(), null, null, embedded::shutdown);
    }

    /** An HTTP server on {@code port} that keeps its data in {@code dataDir} across restarts. */
    public static LocalDynamo server(Path dataDir, int port) throws Exception {
        Files.createDirectories(dataDir);
        DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(new String[] {
                "-dbPath", dataDir.toAbsolutePath().toString(), "-port", Integer.toString(port), "-disableTelemetry"});
        bindToLoopback(server);
        try {
            server.start();
        } catch (Exception e) {
            if (e.getCause() instanceof java.net.BindException || e instanceof java.net.BindException
                    || String.valueOf(e.getMessage()).contains("Failed to bind")) {
                throw new IllegalStateException("port " + port + " is in use: is another `make run` still running?"
                        + " Stop it, or choose another port with DYNAMODB_PORT=...", e);
            }
            throw e;
        }
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        DynamoDbClient client = DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.EU_NORTH_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        return new LocalDynamo(client, server, endpoint, () -> { });
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
            throw new IllegalStateException("cannot restrict DynamoDB Local to 127.0.0.1 (has its version changed?)", e);
        }
    }

    public DynamoDbClient client() {
        return client;
    }

    /** The server's address, for functions configured through AWS_ENDPOINT_URL_DYNAMODB. */
    public URI endpoint() {
        if (endpoint == null) {
            throw new IllegalStateException("an in-memory DynamoDB Local has no endpoint");
        }
        return endpoint;
    }

    /**
     * Creates every table of the template that does not exist yet, named {@code prefix + logicalId},
     * and answers the names by logical id.
     */
    public Map<String, String> createTables(SamTemplate template, String prefix) {
        Map<String, String> names = new LinkedHashMap<>();
        for (TableDefinition table : template.tables()) {
            String name = prefix + table.logicalId();
            try {
                client.createTable(table.createRequest(name));
                table.timeToLiveAttribute().ifPresent(attribute -> client.updateTimeToLive(r -> r.tableName(name)
                        .timeToLiveSpecification(s -> s.attributeName(attribute).enabled(true))));
            } catch (ResourceInUseException alreadyThere) {
                // kept from an earlier run: its data is the point of -dbPath
            }
            names.put(table.logicalId(), name);
        }
        return names;
    }

    @Override
    public void close() {
        client.close();
        try {
            if (server != null) {
                server.stop();
            }
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not stop", e);
        }
        shutdown.run();
    }
}
