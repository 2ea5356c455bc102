package dk.fristed.http;

import java.util.LinkedHashMap;
import java.util.Map;

/** What a route handler answers: a status, a JSON body (or none) and extra headers. */
public record ApiResponse(int status, Object body, Map<String, String> headers) {
    /** On every answer a function gives: a browser reads the body as its Content-Type says, never guesses. */
    public static final String NOSNIFF = "X-Content-Type-Options";

    public static ApiResponse ok(Object body) {
        return new ApiResponse(200, body, Map.of());
    }

    public static ApiResponse created(String location, Object body) {
        return new ApiResponse(201, body, Map.of("Location", location));
    }

    public static ApiResponse noContent() {
        return new ApiResponse(204, null, Map.of());
    }

    /** The same answer, marked as the replay of an earlier request with the same Idempotency-Key when it is one. */
    public ApiResponse replayedIf(boolean replayed) {
        return replayed ? withHeader("Idempotent-Replayed", "true") : this;
    }

    public ApiResponse withHeader(String name, String value) {
        var copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new ApiResponse(status, body, Map.copyOf(copy));
    }
}
