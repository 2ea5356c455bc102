package dk.fristed.storage;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A table item whose attributes are kept by name, for {@link StoredItemSchema}: an item class names its
 * attributes once, in its schema, and maps its record to and from them.
 */
public class StoredItem {
    private final Map<String, Object> values = new HashMap<>();

    public String string(String name) {
        return (String) values.get(name);
    }

    public Optional<String> optionalString(String name) {
        return Optional.ofNullable(string(name));
    }

    /** An attribute stored as text and parsed on reading (a date, an enum), if it is there. */
    public <T> Optional<T> optional(String name, Function<String, T> parse) {
        return optionalString(name).map(parse);
    }

    public Long number(String name) {
        return (Long) values.get(name);
    }

    /** Sets an attribute; null leaves it out of the stored item. */
    public void put(String name, Object value) {
        if (value == null) {
            values.remove(name);
        } else {
            values.put(name, value);
        }
    }
}
