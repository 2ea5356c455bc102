package dk.fristed.devkit;

import dk.fristed.config.Environment;
import dk.fristed.encryption.FieldEncryption;
import software.amazon.cryptography.keystore.model.CreateKeyInput;

/**
 * {@code make branch-key}: creates the branch key that encrypts personal fields, once per stack, in
 * the stack's key store (KEY_STORE_TABLE) under its FieldKey (FIELD_KEY_ARN), with the administrator's
 * credentials from the environment. Prints the id to deploy with as BranchKeyId.
 */
public final class CreateBranchKey {
    private CreateBranchKey() {
    }

    public static String create(Environment env) {
        return FieldEncryption.keyStore(env).CreateKey(CreateKeyInput.builder().build()).branchKeyIdentifier();
    }

    public static void main(String[] args) {
        String id = create(Environment.system());
        System.out.println(id);
        System.err.println("created. Deploy with: sam deploy --parameter-overrides BranchKeyId=" + id
                + "  (keep the id: every encrypted record needs it)");
    }
}
