package dk.fristed.paging;

import java.util.List;

/** One page of a list response: the items and, when more follow, the cursor for the next page. */
public record Page<T>(List<T> items, String nextCursor) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 100;
}
