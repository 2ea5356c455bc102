package dk.fristed.http;

import dk.fristed.auth.Role;

import java.util.Set;

/**
 * One HTTP API route: its key exactly as in template.yaml ({@code "GET /patients/{helpNumber}"}),
 * the roles that may call it, and the small method that serves it.
 */
public record Route(String key, Set<Role> allowed, Handler handler) {

    @FunctionalInterface
    public interface Handler {
        ApiResponse handle(ApiRequest request);
    }

    public Route {
        if (allowed.isEmpty()) {
            throw new IllegalArgumentException("route " + key + " allows no role");
        }
        allowed = Set.copyOf(allowed);
    }

    public static Route of(String key, Set<Role> allowed, Handler handler) {
        return new Route(key, allowed, handler);
    }
}
