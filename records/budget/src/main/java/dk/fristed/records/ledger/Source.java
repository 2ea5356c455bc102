package dk.fristed.records.ledger;

import java.time.Instant;
import java.util.Optional;

/**
 * A funding source. A private donor's name and contact details are personal data: encrypted, never
 * logged, and erased on request ({@link #erased}); the donor's amounts stay in the ledger.
 */
public record Source(
        String id,
        SourceType type,
        Optional<String> name,
        Optional<String> contact,
        boolean anonymous,
        long version,
        Optional<Instant> erasedAt,
        String createdBy,
        Instant createdAt) {

    /** How reports name it: its name, or "anonymous", or "erased" once its personal data are gone. */
    public String label() {
        if (anonymous) {
            return "anonymous";
        }
        return name.orElse(erasedAt.isPresent() ? "erased" : "unnamed");
    }

    public Source erased(Instant at) {
        return new Source(
                id,
                type,
                Optional.empty(),
                Optional.empty(),
                anonymous,
                version + 1,
                Optional.of(at),
                createdBy,
                createdAt);
    }
}
