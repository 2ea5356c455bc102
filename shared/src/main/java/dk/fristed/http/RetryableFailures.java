package dk.fristed.http;

import dk.fristed.problem.ApiProblem;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * What a failure of DynamoDB (after the SDK's own retries) tells the client: throttling is a 429, a
 * service error, a timeout or a broken connection a 503, both with Retry-After, so the client sends the
 * request again (with the same Idempotency-Key). Every change is one transaction, so none of these left
 * anything half-written; a change that did commit before its answer was lost is found by the retry.
 */
final class RetryableFailures {
    static final String RETRY_AFTER_SECONDS = "1";

    private RetryableFailures() {}

    static Optional<ApiProblem> problemFor(RuntimeException failure) {
        if (failure instanceof AwsServiceException service) {
            if (service.isThrottlingException()) {
                return Optional.of(new ApiProblem(
                        429,
                        "Too many requests",
                        "the database is busy; send the request again after Retry-After seconds",
                        null));
            }
            boolean conflict = service instanceof TransactionCanceledException cancelled
                    && cancelled.hasCancellationReasons()
                    && cancelled.cancellationReasons().stream().anyMatch(r -> "TransactionConflict".equals(r.code()));
            if (service.statusCode() >= 500
                    || conflict
                    || "TransactionInProgressException".equals(errorCode(service))) {
                return Optional.of(unavailable());
            }
            return Optional.empty();
        }
        // a timeout or a broken connection; not every SdkClientException: a record whose signature does
        // not verify fails in the encryption interceptor as one, and is no reason to try again
        if (failure instanceof ApiCallTimeoutException
                || failure instanceof ApiCallAttemptTimeoutException
                || failure instanceof SdkClientException && causedByIo(failure)) {
            return Optional.of(unavailable());
        }
        return Optional.empty();
    }

    private static boolean causedByIo(Throwable failure) {
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException || cause instanceof UncheckedIOException) {
                return true;
            }
        }
        return false;
    }

    private static ApiProblem unavailable() {
        return new ApiProblem(
                503,
                "Service unavailable",
                "the database did not answer in time; send the request again after Retry-After seconds",
                null);
    }

    private static String errorCode(AwsServiceException service) {
        return service.awsErrorDetails() == null
                ? null
                : service.awsErrorDetails().errorCode();
    }
}
