package dk.fristed.http;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.kms.model.KmsInvalidStateException;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What an unexpected failure's log line says failed: what the alarms count. */
class FailedDependencyTest {
    @Test
    void aDatabaseProblem_aKeyOrEncryptionFailureAnywhereInTheCauses_orOurCode() {
        assertEquals(FailedDependency.DATABASE, FailedDependency.of(new IllegalStateException(), Optional.of("429")));
        var keyDisabled =
                KmsInvalidStateException.builder().message("key is disabled").build();
        assertEquals(FailedDependency.ENCRYPTION, FailedDependency.of(keyDisabled, Optional.empty()));
        assertEquals(
                FailedDependency.ENCRYPTION,
                FailedDependency.of(
                        SdkClientException.create("failed", new IllegalStateException(keyDisabled)), Optional.empty()));
        assertEquals(FailedDependency.CODE, FailedDependency.of(new NullPointerException(), Optional.empty()));
        assertEquals("encryption", FailedDependency.ENCRYPTION.logName());
    }
}
