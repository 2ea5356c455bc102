package dk.fristed.devkit;

import dk.fristed.aws.AwsClients;
import dk.fristed.config.Environment;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A transaction whose commit DynamoDB made but whose answer was lost: the functions' client (AwsClients)
 * retries it with the ClientRequestToken the SDK gave it once, and DynamoDB answers with the first
 * outcome instead of applying it again. Sent again as a new call (a new token), it meets its own write
 * (here a key condition fails): what would turn one registration into two.
 */
class TransactionRetryIT {
    private final FunctionTestbed testbed = new FunctionTestbed();

    @Test
    void lostAnswerToACommit_isRetriedWithTheSameToken_andAppliedOnce() throws Exception {
        try (FaultyDynamo proxy =
                new FaultyDynamo(testbed.endpoint(), 0, 1, Duration.ZERO, List.of(FaultyDynamo.Fault.DROP_ANSWER))) {
            DynamoDbClient client = AwsClients.dynamoDb(environment(proxy));
            String entry = UUID.randomUUID().toString();
            proxy.next(FaultyDynamo.Fault.DROP_ANSWER);

            client.transactWriteItems(r -> r.transactItems(putOnce(entry)));

            assertEquals(2, proxy.calls(), "the commit whose answer was lost, and the SDK's retry");
            assertEquals(
                    1,
                    testbed.raw
                            .query(q -> q.tableName(testbed.tables.get("AuditTable"))
                                    .keyConditionExpression("helpNumber = :h")
                                    .expressionAttributeValues(Map.of(":h", AttributeValue.fromS("RETRY"))))
                            .count());
        }
    }

    @Test
    void sentAgainAsANewCall_aNewTokenMeetsItsOwnWrite() throws Exception {
        try (FaultyDynamo proxy =
                new FaultyDynamo(testbed.endpoint(), 0, 1, Duration.ZERO, List.of(FaultyDynamo.Fault.DROP_ANSWER))) {
            // what a caller that retries by itself does: a new call, so a new token
            DynamoDbClient noRetries = DynamoDbClient.builder()
                    .endpointOverride(proxy.endpoint())
                    .region(Region.EU_NORTH_1)
                    .credentialsProvider(StaticCredentialsProvider.create(
                            AwsBasicCredentials.create(LocalDynamo.ACCESS_KEY, LocalDynamo.SECRET_KEY)))
                    .httpClient(UrlConnectionHttpClient.create())
                    .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                    .build();
            String entry = UUID.randomUUID().toString();
            proxy.next(FaultyDynamo.Fault.DROP_ANSWER);
            assertThrows(
                    SdkClientException.class, () -> noRetries.transactWriteItems(r -> r.transactItems(putOnce(entry))));

            var refused = assertThrows(
                    TransactionCanceledException.class,
                    () -> noRetries.transactWriteItems(r -> r.transactItems(putOnce(entry))));
            assertEquals(
                    "ConditionalCheckFailed",
                    refused.cancellationReasons().get(0).code());
        }
    }

    private TransactWriteItem putOnce(String entryKey) {
        return TransactWriteItem.builder()
                .put(Put.builder()
                        .tableName(testbed.tables.get("AuditTable"))
                        .item(Map.of(
                                "helpNumber",
                                AttributeValue.fromS("RETRY"),
                                "entryKey",
                                AttributeValue.fromS(entryKey)))
                        .conditionExpression("attribute_not_exists(entryKey)")
                        .build())
                .build();
    }

    private static Environment environment(FaultyDynamo proxy) {
        return Environment.of(LocalDynamo.clientVariables(proxy.endpoint()));
    }
}
