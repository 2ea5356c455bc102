package dk.fristed.aws;

import dk.fristed.config.Environment;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Where a function's DynamoDB client comes from. The function adds its own interceptors (client-side
 * encryption) when it opens the client, so no caller can hand it a client that writes plaintext.
 */
@FunctionalInterface
public interface DynamoDbConnection {
    DynamoDbClient open(ExecutionInterceptor... interceptors);

    /** AWS, or whatever {@code AWS_ENDPOINT_URL_DYNAMODB} points at. */
    static DynamoDbConnection of(Environment env) {
        return interceptors -> AwsClients.dynamoDb(env, interceptors);
    }
}
