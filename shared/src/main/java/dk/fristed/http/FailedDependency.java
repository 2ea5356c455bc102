package dk.fristed.http;

import java.util.Optional;

/**
 * What an unexpected failure was a failure of, as its log line says (field {@code failed}), so that an
 * alarm can count each kind from the logs: the database (DynamoDB throttled, failing or not answering,
 * past the SDK's retries), encryption (KMS, or the client-side encryption of personal fields: a key that
 * cannot be used, a record whose signature does not verify), or our own code.
 */
public enum FailedDependency {
    DATABASE("database"),
    ENCRYPTION("encryption"),
    CODE("code");

    /** The packages of KMS's client and of the Database Encryption SDK and its material providers. */
    private static final String[] ENCRYPTION_PACKAGES = {
        "software.amazon.awssdk.services.kms.", "software.amazon.cryptography."
    };

    private final String logName;

    FailedDependency(String logName) {
        this.logName = logName;
    }

    public String logName() {
        return logName;
    }

    /** @param databaseProblem what {@link RetryableFailures} made of it: present for a database failure */
    static FailedDependency of(Throwable failure, Optional<?> databaseProblem) {
        if (databaseProblem.isPresent()) {
            return DATABASE;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            for (String prefix : ENCRYPTION_PACKAGES) {
                if (cause.getClass().getName().startsWith(prefix)) {
                    return ENCRYPTION;
                }
            }
        }
        return CODE;
    }
}
