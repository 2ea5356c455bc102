package dk.fristed.aws;

import dk.fristed.config.Environment;
import dk.fristed.paging.Hmac;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.MacAlgorithmSpec;

import java.util.Base64;

/**
 * The secret that signs cursors and idempotency fingerprints. In AWS it is derived at init from the
 * stack's KMS HMAC key (one GenerateMac call per container; the key never leaves KMS and every
 * container derives the same secret). Locally the runner passes a key it keeps in its data folder.
 */
public final class ServerKey {
    public static final String KMS_KEY_VARIABLE = "SERVER_HMAC_KEY_ID";
    public static final String LOCAL_KEY_VARIABLE = "LOCAL_SERVER_KEY";
    private static final String DERIVATION_MESSAGE = "fristed/server-key/v1";

    private ServerKey() {}

    public static Hmac fromEnvironment(Environment env) {
        var local = env.find(LOCAL_KEY_VARIABLE);
        if (local.isPresent()) {
            return new Hmac(Base64.getDecoder().decode(local.get()));
        }
        String keyId = env.require(KMS_KEY_VARIABLE);
        try (KmsClient kms = AwsClients.kms(env)) {
            byte[] derived = kms.generateMac(request -> request.keyId(keyId)
                            .macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256)
                            .message(SdkBytes.fromUtf8String(DERIVATION_MESSAGE)))
                    .mac()
                    .asByteArray();
            return new Hmac(derived);
        }
    }
}
