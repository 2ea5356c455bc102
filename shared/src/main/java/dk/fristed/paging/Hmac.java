package dk.fristed.paging;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 with the function's server key: signs paging cursors and fingerprints idempotent
 * requests (a keyed hash, so a fingerprint of a body with a name in it cannot be guessed back).
 */
public final class Hmac {
    private final SecretKeySpec key;

    public Hmac(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("the HMAC key must have at least 256 bits");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    public byte[] sign(String purpose, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            // The purpose separates domains: a cursor signature is never a valid fingerprint.
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    public static boolean equal(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }
}
