package dk.fristed.local;

import dk.fristed.auth.Role;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** {@code make token ROLE=clinician}: prints a bearer token for the local runner, valid for 12 hours. */
public final class TokenCommand {
    private TokenCommand() {}

    public static void main(String[] args) {
        String roleName = args.length > 0 ? args[0] : "clinician";
        Role role = Role.fromGroup(roleName.toLowerCase(Locale.ROOT)).orElse(null);
        if (role == null) {
            System.err.println("unknown role '" + roleName + "'; one of: clinician, coordinator, finance, admin");
            System.exit(2);
            return;
        }
        Path dataDir = LocalApi.dataDir();
        String subject = args.length > 1 ? args[1] : LocalUser.of(role).subject();
        // the issuer is the runner's address: the same PORT as make run's
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", Integer.toString(LocalApi.DEFAULT_PORT)));
        System.out.println(
                LocalAuthority.inFolder(dataDir, LocalAuthority.issuerAt(port)).issue(subject, List.of(role)));
    }
}
