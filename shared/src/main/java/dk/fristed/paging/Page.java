package dk.fristed.paging;

import java.util.List;
import java.util.function.Function;

/** One page of a list response: the items and, when more follow, the cursor for the next page. */
public record Page<T>(List<T> items, String nextCursor) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 100;

    /** The same page with each item mapped (to its wire form, say); the cursor stays. */
    public <R> Page<R> map(Function<T, R> mapping) {
        return new Page<>(items.stream().map(mapping).toList(), nextCursor);
    }
}
