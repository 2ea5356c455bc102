package dk.fristed.config;

import java.util.Map;
import java.util.Optional;

/**
 * The configuration a function is started with: in AWS the process environment that template.yaml
 * sets, in the local runner the same variables resolved from template.yaml. Functions read their
 * settings only through this, so no code calls {@code System.getenv} in a static initialiser.
 */
public final class Environment {
    private final Map<String, String> variables;

    private Environment(Map<String, String> variables) {
        this.variables = Map.copyOf(variables);
    }

    public static Environment system() {
        return new Environment(System.getenv());
    }

    public static Environment of(Map<String, String> variables) {
        return new Environment(variables);
    }

    public Optional<String> find(String name) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    /** A variable the function cannot run without; a missing one fails at init, not on a request. */
    public String require(String name) {
        return find(name).orElseThrow(() -> new IllegalStateException("environment variable " + name + " is not set"));
    }

    public String get(String name, String fallback) {
        return find(name).orElse(fallback);
    }
}
