package dk.fristed.http;

import dk.fristed.problem.ApiProblem;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What a DynamoDB failure that outlived the SDK's retries tells the client. */
class RetryableFailuresTest {
    @Test
    void throttling_is429_serviceErrorsTimeoutsAndConflicts_are503_everythingElse_staysA500() {
        assertEquals(
                Optional.of(429),
                status(ProvisionedThroughputExceededException.builder()
                        .statusCode(400)
                        .awsErrorDetails(AwsErrorDetails.builder()
                                .errorCode("ProvisionedThroughputExceededException")
                                .build())
                        .build()));
        assertEquals(
                Optional.of(429),
                status(DynamoDbException.builder()
                        .statusCode(400)
                        .awsErrorDetails(AwsErrorDetails.builder()
                                .errorCode("ThrottlingException")
                                .build())
                        .build()));
        assertEquals(
                Optional.of(503),
                status(DynamoDbException.builder()
                        .statusCode(500)
                        .awsErrorDetails(AwsErrorDetails.builder()
                                .errorCode("InternalServerError")
                                .build())
                        .build()));
        assertEquals(Optional.of(503), status(ApiCallTimeoutException.create(6000)));
        assertEquals(
                Optional.of(503),
                status(SdkClientException.create(
                        "Unable to execute HTTP request",
                        new java.net.SocketException("Unexpected end of file from server"))));
        assertEquals(
                Optional.empty(),
                status(SdkClientException.create(
                        "a signature that does not verify", new IllegalStateException("tampered"))),
                "a record changed behind the functions' back is no reason to retry");
        assertEquals(
                Optional.of(503),
                status(TransactionCanceledException.builder()
                        .statusCode(400)
                        .cancellationReasons(
                                CancellationReason.builder().code("None").build(),
                                CancellationReason.builder()
                                        .code("TransactionConflict")
                                        .build())
                        .build()));
        assertEquals(
                Optional.empty(),
                status(TransactionCanceledException.builder()
                        .statusCode(400)
                        .cancellationReasons(CancellationReason.builder()
                                .code("ConditionalCheckFailed")
                                .build())
                        .build()));
        assertEquals(
                Optional.empty(),
                status(DynamoDbException.builder()
                        .statusCode(400)
                        .awsErrorDetails(AwsErrorDetails.builder()
                                .errorCode("ValidationException")
                                .build())
                        .build()));
        assertEquals(Optional.empty(), status(new IllegalStateException("a bug")));
    }

    @Test
    void retryableProblems_carryRetryAfter() {
        var response = ProblemResponses.of(
                RetryableFailures.problemFor(ApiCallTimeoutException.create(6000))
                        .orElseThrow(),
                "r-1",
                dk.fristed.i18n.Language.EN);
        assertEquals(503, response.getStatusCode());
        assertEquals("1", response.getHeaders().get("Retry-After"));
    }

    private static Optional<Integer> status(RuntimeException failure) {
        return RetryableFailures.problemFor(failure).map(ApiProblem::status);
    }
}
