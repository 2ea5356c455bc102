package dk.fristed.workflow;

import dk.fristed.storage.StoredItem;
import dk.fristed.storage.StoredItemSchema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;

/**
 * The columns every workflow's history table has ({@link HistoryStep}), in one place: keyed by the
 * record's id and the version its step created. A workflow adds its own details beside them.
 */
public final class HistoryColumns {
    private HistoryColumns() {}

    /** The schema's common columns; {@code idName} is the record's id column, the partition key. */
    public static <T extends StoredItem> StoredItemSchema<T> schema(Class<T> type, Supplier<T> newItem, String idName) {
        return StoredItemSchema.of(type, newItem)
                .string(idName, primaryPartitionKey())
                .number("version", primarySortKey())
                .string("fromState")
                .string("toState")
                .string("action")
                .string("date")
                .string("at")
                .string("by")
                .string("roles")
                .string("note");
    }

    public static void put(StoredItem item, String idName, HistoryStep<?, ?> step) {
        item.put(idName, step.recordId());
        item.put("version", step.version());
        item.put("fromState", step.from().map(Enum::name).orElse(null));
        item.put("toState", step.to().name());
        item.put("action", step.action().map(Enum::name).orElse(null));
        item.put("date", step.date().toString());
        item.put("at", step.at().toString());
        item.put("by", step.by());
        item.put("roles", step.roles());
        item.put("note", step.note().orElse(null));
    }

    /** The common columns read back, for the workflow to build its entry from with its own details. */
    public static <S extends Enum<S>, A extends Enum<A>> Read<S, A> read(
            StoredItem item, String idName, Function<String, S> state, Function<String, A> action) {
        return new Read<>(
                item.string(idName),
                item.number("version"),
                item.optional("fromState", state),
                state.apply(item.string("toState")),
                item.optional("action", action),
                LocalDate.parse(item.string("date")),
                Instant.parse(item.string("at")),
                item.string("by"),
                item.string("roles"),
                item.optionalString("note"));
    }

    public record Read<S extends Enum<S>, A extends Enum<A>>(
            String recordId,
            long version,
            Optional<S> from,
            S to,
            Optional<A> action,
            LocalDate date,
            Instant at,
            String by,
            String roles,
            Optional<String> note)
            implements HistoryStep<S, A> {}
}
