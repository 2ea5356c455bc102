package dk.fristed.bench;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Baseline (a): the floor. A bare SDK v2 client, configured for speed, and one PutItem. Baseline (c)
 * is the same with the Database Encryption SDK's interceptor on the client.
 */
final class BarePut {
    private BarePut() {}

    static int run(boolean primed) {
        return run(primed, Optional.empty());
    }

    static int run(boolean primed, Optional<ExecutionInterceptor> interceptor) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(System.getenv("AWS_REGION")))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        System.getenv("AWS_ACCESS_KEY_ID"), System.getenv("AWS_SECRET_ACCESS_KEY"))))
                .endpointOverride(URI.create(System.getenv("AWS_ENDPOINT_URL_DYNAMODB")));
        interceptor.ifPresent(i -> builder.overrideConfiguration(c -> c.addExecutionInterceptor(i)));
        try (DynamoDbClient dynamo = builder.build()) {
            if (primed) {
                put(dynamo);
            }
            ColdStartChild.requestStarted = System.nanoTime();
            return put(dynamo);
        }
    }

    private static int put(DynamoDbClient dynamo) {
        return dynamo.putItem(r -> r.tableName(System.getenv("BENCH_TABLE"))
                        .item(Map.of(
                                "id",
                                AttributeValue.fromS(UUID.randomUUID().toString()),
                                "site",
                                AttributeValue.fromS("odense"),
                                "service",
                                AttributeValue.fromS("doctor"))))
                .sdkHttpResponse()
                .statusCode();
    }
}
