package dk.fristed.budget.ledger;

import dk.fristed.records.ledger.BudgetYear;
import dk.fristed.records.ledger.Entry;
import dk.fristed.records.ledger.EntryKind;
import dk.fristed.records.ledger.Source;
import dk.fristed.validation.Fields;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The budget's records on the wire; amounts are integers of minor units of {@code currency}. */
final class Responses {
    private Responses() {}

    record YearResponse(
            int year, String currency, long need, Map<String, Long> plan, String createdBy, Instant createdAt) {
        static YearResponse of(BudgetYear y) {
            return new YearResponse(y.year(), y.currency(), y.need(), y.plan(), y.createdBy(), y.createdAt());
        }
    }

    record SourceResponse(
            String id,
            String type,
            String name,
            String contact,
            boolean anonymous,
            Instant erasedAt,
            String createdBy,
            Instant createdAt) {
        static SourceResponse of(Source s) {
            return new SourceResponse(
                    s.id(),
                    Fields.wireName(s.type()),
                    s.name().orElse(null),
                    s.contact().orElse(null),
                    s.anonymous(),
                    s.erasedAt().orElse(null),
                    s.createdBy(),
                    s.createdAt());
        }
    }

    record InstalmentResponse(LocalDate due, long amount) {}

    record EntryResponse(
            int year,
            String key,
            String kind,
            LocalDate date,
            long amount,
            String currency,
            Long originalAmount,
            String originalCurrency,
            String sourceId,
            String pledgeId,
            String purpose,
            String category,
            String note,
            List<InstalmentResponse> instalments,
            Long settled,
            String reverses,
            String createdBy,
            Instant createdAt) {
        static EntryResponse of(Entry e, String currency) {
            boolean pledge = e.kind() == EntryKind.PLEDGE;
            return new EntryResponse(
                    e.year(),
                    e.key(),
                    Fields.wireName(e.kind()),
                    e.date(),
                    e.amount(),
                    currency,
                    e.original().map(m -> m.minor()).orElse(null),
                    e.original().map(m -> m.currency()).orElse(null),
                    e.sourceId().orElse(null),
                    e.pledgeId().orElse(null),
                    e.purpose().orElse(null),
                    e.category().orElse(null),
                    e.note().orElse(null),
                    pledge
                            ? e.instalments().stream()
                                    .map(t -> new InstalmentResponse(t.due(), t.amount()))
                                    .toList()
                            : null,
                    pledge ? e.settled() : null,
                    e.reverses().orElse(null),
                    e.createdBy(),
                    e.createdAt());
        }
    }

    /** What POST .../entries wrote: one entry, or a pledge's parts in each year its instalments fall in. */
    record Written(List<EntryResponse> entries) {}
}
