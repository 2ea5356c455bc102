package dk.fristed.devkit;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dk.fristed.aws.AwsClients;
import dk.fristed.config.Environment;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;

/**
 * A deployed function, invoked through Lambda's Invoke API the way API Gateway invokes it: the event
 * in, the function's response out. The SDK's Lambda module is not among our dependencies, so this
 * is the one REST call, signed with the SDK's own SigV4 signer; {@code AWS_ENDPOINT_URL_LAMBDA} or
 * {@code AWS_ENDPOINT_URL} point it at LocalStack.
 */
public final class LambdaApi implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    /** Set by Lambda when the function threw or timed out; the payload then describes the error. */
    static final String FUNCTION_ERROR_HEADER = "x-amz-function-error";
    /** Headers java.net.http sets itself and refuses from callers; the signature covers host anyway. */
    private static final Set<String> RESTRICTED = Set.of("host", "content-length");

    private final URI invocations;
    private final String region;
    private final AwsCredentialsProvider credentials;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public LambdaApi(Environment env, String functionName) {
        this.region = AwsClients.region(env).id();
        this.credentials = AwsClients.credentials(env);
        URI endpoint = AwsClients.endpoint(env, "LAMBDA")
                .orElseGet(() -> URI.create("https://lambda." + region + ".amazonaws.com"));
        this.invocations = endpoint.resolve("/2015-03-31/functions/" + functionName + "/invocations");
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context ignored) {
        String payload = ApiEvents.write(event);
        var signed = AwsV4HttpSigner.create()
                .sign(request -> request.identity(credentials.resolveCredentials())
                        .request(SdkHttpRequest.builder()
                                .method(SdkHttpMethod.POST)
                                .uri(invocations)
                                .putHeader("content-type", "application/json")
                                .build())
                        .payload(ContentStreamProvider.fromUtf8String(payload))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "lambda")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, region));
        // generous: LocalStack starts a function's container on its first invocation
        var builder = HttpRequest.newBuilder(invocations)
                .timeout(Duration.ofMinutes(3))
                .POST(HttpRequest.BodyPublishers.ofString(payload));
        signed.request().forEachHeader((name, values) -> {
            if (!RESTRICTED.contains(name.toLowerCase())) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        HttpResponse<String> response;
        try {
            response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Lambda did not answer at " + invocations, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while invoking " + invocations, e);
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Lambda refused the invocation of " + invocations + ": HTTP "
                    + response.statusCode() + " " + response.body());
        }
        var functionError = response.headers().firstValue(FUNCTION_ERROR_HEADER);
        if (functionError.isPresent()) {
            // the payload is the function's own error report: its type and message, no request data
            throw new IllegalStateException("the function failed (" + functionError.get() + "): " + response.body());
        }
        return ApiEvents.readResponse(response.body());
    }
}
