package dk.fristed.auth;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Who sent the request, as the API Gateway JWT authorizer verified it. The function checks roles
 * again itself: a route wired to the wrong authorizer must not open patient data.
 */
public record Caller(String subject, Set<Role> roles) {

    public static final String GROUPS_CLAIM = "cognito:groups";

    public Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    /**
     * Reads the claims as API Gateway passes them: every claim is a string, and a list claim such as
     * {@code cognito:groups} arrives as {@code "[clinician admin]"}; a JSON-array form is accepted too.
     * Unknown groups are ignored, so a new Cognito group grants nothing until the code names it.
     */
    public static Caller fromClaims(Map<String, String> claims) {
        if (claims == null) {
            return new Caller(null, Set.of());
        }
        String subject = claims.get("sub");
        Set<Role> roles = EnumSet.noneOf(Role.class);
        String groups = claims.get(GROUPS_CLAIM);
        if (groups != null) {
            String list = groups.replaceAll("[\\[\\]\"]", " ");
            Arrays.stream(list.split("[\\s,]+"))
                    .filter(group -> !group.isEmpty())
                    .forEach(group -> Role.fromGroup(group).ifPresent(roles::add));
        }
        return new Caller(subject, roles);
    }

    public boolean isAuthenticated() {
        return subject != null && !subject.isBlank();
    }

    /** The caller's groups as the audit trail and histories record them: sorted, space-separated. */
    public String groupNames() {
        return roles.stream().map(Role::groupName).sorted().collect(java.util.stream.Collectors.joining(" "));
    }

    public boolean hasAnyOf(Set<Role> allowed) {
        return roles.stream().anyMatch(allowed::contains);
    }
}
