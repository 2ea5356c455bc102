package dk.fristed.auth;

import java.util.Locale;
import java.util.Optional;

/** The Cognito user-pool groups; a user's groups arrive in the JWT's {@code cognito:groups} claim. */
public enum Role {
    /** Doctors, nurses, midwives, dentists and other health professionals. */
    CLINICIAN,
    /** Reception and volunteer coordination: registers patients and visits. */
    COORDINATOR,
    /** Finance volunteers: invoices and budgets, never patient records. */
    FINANCE,
    /** Administrators: users, audit and erasure. */
    ADMIN;

    public String groupName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromGroup(String group) {
        for (Role role : values()) {
            if (role.groupName().equals(group)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
