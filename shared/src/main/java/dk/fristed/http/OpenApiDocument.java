package dk.fristed.http;

import com.fasterxml.jackson.databind.JsonNode;
import dk.fristed.auth.Role;
import dk.fristed.json.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumSet;

/**
 * {@code GET /openapi.json}: the API description kept at the repository's root (openapi.json),
 * packaged into every function jar. Read on first request, not at init, to keep cold starts short.
 */
public final class OpenApiDocument {
    public static final String ROUTE = "GET /openapi.json";
    private volatile JsonNode document;

    /** The route, open to every role: the description holds no data. */
    public Route route() {
        return Route.of(ROUTE, EnumSet.allOf(Role.class), request -> ApiResponse.ok(document()));
    }

    private JsonNode document() {
        JsonNode loaded = document;
        if (loaded == null) {
            try (InputStream in = OpenApiDocument.class.getResourceAsStream("/openapi.json")) {
                if (in == null) {
                    throw new IllegalStateException("openapi.json is not packaged");
                }
                loaded = Json.mapper().readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            document = loaded;
        }
        return loaded;
    }
}
