package dk.fristed.records.patient;

import dk.fristed.helpnumber.HelpNumber;

import java.util.List;
import java.util.Optional;

/**
 * How a record takes part in merges of duplicate records. A duplicate points {@code into} its survivor
 * (always the last one: a chain A into B, then B into C, leaves A pointing to C). A survivor lists the
 * records merged {@code from} it, so its erasure reaches them, and names the duplicate whose visits are
 * still {@code moving} into it while a merge is being completed.
 */
public record MergeLinks(Optional<HelpNumber> into, List<HelpNumber> from, Optional<HelpNumber> moving) {
    public static final MergeLinks NONE = new MergeLinks(Optional.empty(), List.of(), Optional.empty());

    public MergeLinks {
        from = List.copyOf(from);
    }

    public MergeLinks moved() {
        return new MergeLinks(into, from, Optional.empty());
    }
}
