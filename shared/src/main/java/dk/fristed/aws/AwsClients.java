package dk.fristed.aws;

import dk.fristed.config.Environment;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kms.KmsClient;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * SDK clients built once per container, the way that starts fast on Lambda: the URL-connection HTTP
 * client, the region and credentials taken straight from the environment instead of the default
 * provider chains. The standard {@code AWS_ENDPOINT_URL_<SERVICE>} and {@code AWS_ENDPOINT_URL}
 * variables point them at DynamoDB Local or LocalStack.
 */
public final class AwsClients {
    private AwsClients() {}

    /**
     * Retries and timeouts of every DynamoDB call, chosen against Lambda's 15 s timeout (template.yaml)
     * and API Gateway's 30 s limit: the SDK's standard mode (exponential back-off with jitter; it retries
     * throttling, 5xx answers and broken connections) with 4 attempts; an attempt may take 2 s
     * (DynamoDB answers in milliseconds: a hung connection must not eat the budget), a call 6 s, so a
     * route's read and write stay well within Lambda's timeout and a 503 reaches the client in time.
     * What is still failing after that is answered 429 or 503 with Retry-After (RetryableFailures).
     * A retried TransactWriteItems is not applied twice: the SDK fills its ClientRequestToken (an
     * idempotency token in DynamoDB's model) once per call, so every retry carries the same one, and
     * DynamoDB answers a repeated token with the first outcome for ten minutes (TransactionRetryIT).
     */
    public static final int DYNAMODB_ATTEMPTS = 4;

    public static final Duration DYNAMODB_CALL_TIMEOUT = Duration.ofSeconds(6);
    /** Tests that delay calls on purpose shorten it with DYNAMODB_ATTEMPT_TIMEOUT_MS. */
    public static final Duration DYNAMODB_ATTEMPT_TIMEOUT = Duration.ofSeconds(2);

    /** @param interceptors e.g. client-side encryption's, run on every call */
    public static DynamoDbClient dynamoDb(Environment env, ExecutionInterceptor... interceptors) {
        Duration attempt = env.find("DYNAMODB_ATTEMPT_TIMEOUT_MS")
                .map(ms -> Duration.ofMillis(Long.parseLong(ms)))
                .orElse(DYNAMODB_ATTEMPT_TIMEOUT);
        var builder = DynamoDbClient.builder()
                .httpClient(httpClient())
                .region(region(env))
                .credentialsProvider(credentials(env))
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                .maxAttempts(DYNAMODB_ATTEMPTS)
                                .build())
                        .apiCallAttemptTimeout(attempt)
                        .apiCallTimeout(DYNAMODB_CALL_TIMEOUT)
                        .executionInterceptors(List.of(interceptors))
                        .build());
        endpoint(env, "DYNAMODB").ifPresent(builder::endpointOverride);
        return builder.build();
    }

    public static KmsClient kms(Environment env) {
        var builder =
                KmsClient.builder().httpClient(httpClient()).region(region(env)).credentialsProvider(credentials(env));
        endpoint(env, "KMS").ifPresent(builder::endpointOverride);
        return builder.build();
    }

    private static SdkHttpClient httpClient() {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(8))
                .build();
    }

    /** The region a client signs for: Lambda sets AWS_REGION. */
    public static Region region(Environment env) {
        return Region.of(env.get("AWS_REGION", env.get("AWS_DEFAULT_REGION", "eu-north-1")));
    }

    /**
     * Lambda hands SnapStart functions their credentials through the container credentials endpoint,
     * other functions through environment variables; both are read without the default chain's probing.
     */
    public static AwsCredentialsProvider credentials(Environment env) {
        if (env.find("AWS_CONTAINER_CREDENTIALS_FULL_URI").isPresent()) {
            return ContainerCredentialsProvider.builder().build();
        }
        String accessKey = env.require("AWS_ACCESS_KEY_ID");
        String secretKey = env.require("AWS_SECRET_ACCESS_KEY");
        return StaticCredentialsProvider.create(env.find("AWS_SESSION_TOKEN")
                .<software.amazon.awssdk.auth.credentials.AwsCredentials>map(
                        token -> AwsSessionCredentials.create(accessKey, secretKey, token))
                .orElseGet(() -> AwsBasicCredentials.create(accessKey, secretKey)));
    }

    /** @param service as in the variable AWS_ENDPOINT_URL_<service>, e.g. DYNAMODB, LAMBDA */
    public static Optional<URI> endpoint(Environment env, String service) {
        return env.find("AWS_ENDPOINT_URL_" + service)
                .or(() -> env.find("AWS_ENDPOINT_URL"))
                .map(URI::create);
    }
}
