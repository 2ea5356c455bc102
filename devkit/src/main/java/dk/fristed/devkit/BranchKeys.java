package dk.fristed.devkit;

import dk.fristed.config.Environment;
import dk.fristed.encryption.FieldEncryption;
import software.amazon.cryptography.keystore.model.CreateKeyInput;
import software.amazon.cryptography.keystore.model.VersionKeyInput;

/**
 * {@code make branch-key} and {@code make rotate-branch-key}: the branch key that encrypts personal
 * fields, in the stack's key store (KEY_STORE_TABLE) under its FieldKey (FIELD_KEY_ARN), with the
 * administrator's credentials from the environment. Created once per stack; rotated when the clinic's
 * policy says (new records use the new version, old records keep decrypting with theirs).
 */
public final class BranchKeys {
    private BranchKeys() {}

    /** Creates a branch key and answers its id, to deploy with as BranchKeyId. */
    public static String create(Environment env) {
        return FieldEncryption.keyStore(env)
                .CreateKey(CreateKeyInput.builder().build())
                .branchKeyIdentifier();
    }

    /** Makes a new version of the branch key the active one; functions pick it up within the cache TTL. */
    public static void rotate(Environment env, String branchKeyId) {
        FieldEncryption.keyStore(env)
                .VersionKey(VersionKeyInput.builder()
                        .branchKeyIdentifier(branchKeyId)
                        .build());
    }

    public static void main(String[] args) {
        Environment env = Environment.system();
        if (args.length == 1 && args[0].equals("create")) {
            String id = create(env);
            System.out.println(id);
            System.err.println("created. Deploy with: sam deploy --parameter-overrides BranchKeyId=" + id
                    + "  (keep the id: every encrypted record needs it)");
        } else if (args.length == 2 && args[0].equals("rotate")) {
            rotate(env, args[1]);
            System.err.println("rotated: new records use the new version within "
                    + FieldEncryption.BRANCH_KEY_TTL_SECONDS / 60 + " minutes; existing records keep theirs");
        } else {
            System.err.println("usage: BranchKeys create | rotate <branch key id>");
            System.exit(2);
        }
    }
}
