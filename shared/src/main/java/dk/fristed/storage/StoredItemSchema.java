package dk.fristed.storage;

import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTag;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

import java.util.function.Supplier;

/**
 * A static table schema for a {@link StoredItem}. Every attribute shares one getter and one setter
 * lambda, so a schema of 27 attributes makes two lambda classes at start-up instead of 54: a Lambda
 * cold start spends about a millisecond on each.
 */
public final class StoredItemSchema<T extends StoredItem> {
    private final StaticTableSchema.Builder<T> builder;

    private StoredItemSchema(Class<T> type, Supplier<T> newItem) {
        this.builder = StaticTableSchema.builder(type).newItemSupplier(newItem);
    }

    public static <T extends StoredItem> StoredItemSchema<T> of(Class<T> type, Supplier<T> newItem) {
        return new StoredItemSchema<>(type, newItem);
    }

    public StoredItemSchema<T> string(String name, StaticAttributeTag... tags) {
        builder.addAttribute(
                String.class,
                a -> a.name(name)
                        .getter(item -> item.string(name))
                        .setter((item, value) -> item.put(name, value))
                        .tags(tags));
        return this;
    }

    public StoredItemSchema<T> number(String name, StaticAttributeTag... tags) {
        builder.addAttribute(
                Long.class,
                a -> a.name(name)
                        .getter(item -> item.number(name))
                        .setter((item, value) -> item.put(name, value))
                        .tags(tags));
        return this;
    }

    public StaticTableSchema<T> build() {
        return builder.build();
    }
}
