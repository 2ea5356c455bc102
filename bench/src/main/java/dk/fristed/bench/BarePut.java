package dk.fristed.bench;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

/** Baseline (a): the floor. A bare SDK v2 client, configured for speed, and one PutItem. */
final class BarePut {
    private BarePut() {
    }

    static int run(boolean primed) {
        try (DynamoDbClient dynamo = DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(System.getenv("AWS_REGION")))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(System.getenv("AWS_ACCESS_KEY_ID"), System.getenv("AWS_SECRET_ACCESS_KEY"))))
                .endpointOverride(URI.create(System.getenv("AWS_ENDPOINT_URL_DYNAMODB")))
                .build()) {
            if (primed) {
                put(dynamo);
            }
            ColdStartChild.requestStarted = System.nanoTime();
            return put(dynamo);
        }
    }

    private static int put(DynamoDbClient dynamo) {
        return dynamo.putItem(r -> r.tableName(System.getenv("BENCH_TABLE"))
                .item(Map.of("id", AttributeValue.fromS(UUID.randomUUID().toString()),
                        "site", AttributeValue.fromS("odense"), "service", AttributeValue.fromS("doctor"))))
                .sdkHttpResponse().statusCode();
    }
}
