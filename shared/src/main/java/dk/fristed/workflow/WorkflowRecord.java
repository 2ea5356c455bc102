package dk.fristed.workflow;

import dk.fristed.helpnumber.HelpNumber;

import java.time.Instant;
import java.util.Optional;

/** What {@link RecordStore} needs of a record that moves through states: its id, patient, version and erasure. */
public interface WorkflowRecord {
    String id();

    /** {@link HelpNumber#UNLINKED} once the patient was erased. */
    HelpNumber helpNumber();

    long version();

    Optional<Instant> erasedAt();
}
