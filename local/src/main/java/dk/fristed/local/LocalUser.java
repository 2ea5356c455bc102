package dk.fristed.local;

import dk.fristed.auth.Role;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A test user of the local sign-in page: one per role, as an admin would invite them in Cognito. */
record LocalUser(String subject, String email, List<Role> roles) {

    static LocalUser of(Role role) {
        return new LocalUser("local-" + role.groupName(), role.groupName() + "@fristed.local", List.of(role));
    }

    static List<LocalUser> all() {
        return Arrays.stream(Role.values()).map(LocalUser::of).toList();
    }

    static Optional<LocalUser> bySubject(String subject) {
        return all().stream().filter(user -> user.subject().equals(subject)).findFirst();
    }
}
