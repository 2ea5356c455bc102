package dk.fristed.workflow;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What every workflow's history entry says, whatever its own details: which version of which record a
 * step made, from which state to which by which action, on which day, when and by whom, and its note.
 */
public interface HistoryStep<S extends Enum<S>, A extends Enum<A>> {
    String recordId();

    long version();

    /** Empty for version 1, the record's creation. */
    Optional<S> from();

    S to();

    Optional<A> action();

    LocalDate date();

    Instant at();

    String by();

    String roles();

    Optional<String> note();
}
