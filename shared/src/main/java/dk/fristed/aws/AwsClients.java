package dk.fristed.aws;

import dk.fristed.config.Environment;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
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
    private AwsClients() {
    }

    /** @param interceptors e.g. client-side encryption's, run on every call */
    public static DynamoDbClient dynamoDb(Environment env, ExecutionInterceptor... interceptors) {
        var builder = DynamoDbClient.builder()
                .httpClient(httpClient())
                .region(region(env))
                .credentialsProvider(credentials(env))
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallTimeout(Duration.ofSeconds(10))
                        .executionInterceptors(List.of(interceptors))
                        .build());
        endpoint(env, "DYNAMODB").ifPresent(builder::endpointOverride);
        return builder.build();
    }

    public static KmsClient kms(Environment env) {
        var builder = KmsClient.builder()
                .httpClient(httpClient())
                .region(region(env))
                .credentialsProvider(credentials(env));
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
                .<software.amazon.awssdk.auth.credentials.AwsCredentials>map(token -> AwsSessionCredentials.create(accessKey, secretKey, token))
                .orElseGet(() -> AwsBasicCredentials.create(accessKey, secretKey)));
    }

    /** @param service as in the variable AWS_ENDPOINT_URL_<service>, e.g. DYNAMODB, LAMBDA */
    public static Optional<URI> endpoint(Environment env, String service) {
        return env.find("AWS_ENDPOINT_URL_" + service).or(() -> env.find("AWS_ENDPOINT_URL")).map(URI::create);
    }
}
