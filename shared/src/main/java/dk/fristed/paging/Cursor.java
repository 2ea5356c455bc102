package dk.fristed.paging;

import com.fasterxml.jackson.core.type.TypeReference;
import dk.fristed.json.Json;
import dk.fristed.problem.ApiProblem;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sealed page cursors: DynamoDB's LastEvaluatedKey encrypted and authenticated (AES-256-GCM) with a key
 * derived from the function's server key, the query it belongs to bound in as associated data. Cursors
 * travel in URLs, browser history and access logs, and a key holds help numbers and dates: a reader sees
 * only random bytes, and a client can neither forge a key nor replay a cursor on another query.
 * Format: base64url(12-byte nonce || ciphertext || 16-byte tag).
 */
public final class Cursor {
    private static final String PURPOSE = "cursor/v2";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int MAX_LENGTH = 2048;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    /** SecureRandom reseeds from the OS after a SnapStart restore, so restored copies draw different nonces. */
    private static final SecureRandom NONCES = new SecureRandom();

    private final SecretKeySpec key;

    public Cursor(Hmac serverKey) {
        // a key of its own, derived from the server key for this one purpose (HMAC as the extract step of HKDF)
        this.key = new SecretKeySpec(serverKey.sign(PURPOSE, "sealing key"), "AES");
    }

    /** @param scope what identifies the query (route and its key parameters), e.g. {@code "visits-by-site|odense|2025-01-01|2025-12-31"} */
    public String encode(Map<String, AttributeValue> lastEvaluatedKey, String scope) {
        Map<String, String> plain = new LinkedHashMap<>();
        lastEvaluatedKey.forEach((name, value) -> {
            if (value.s() != null) {
                plain.put(name, "S" + value.s());
            } else if (value.n() != null) {
                plain.put(name, "N" + value.n());
            } else {
                throw new IllegalArgumentException("cursor keys hold only S and N attributes");
            }
        });
        byte[] nonce = new byte[NONCE_BYTES];
        NONCES.nextBytes(nonce);
        byte[] sealed;
        try {
            sealed = crypt(Cipher.ENCRYPT_MODE, nonce, scope, Json.write(plain).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
        return ENCODER.encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                .put(nonce)
                .put(sealed)
                .array());
    }

    /** The cursor of the next page, or null when DynamoDB says this page was the last. */
    public String after(Map<String, AttributeValue> lastEvaluatedKey, String scope) {
        return lastEvaluatedKey == null || lastEvaluatedKey.isEmpty() ? null : encode(lastEvaluatedKey, scope);
    }

    public Map<String, AttributeValue> decode(String cursor, String scope) {
        if (cursor.length() > MAX_LENGTH) {
            throw invalid();
        }
        Map<String, String> plain;
        try {
            byte[] bytes = DECODER.decode(cursor);
            if (bytes.length <= NONCE_BYTES + TAG_BITS / 8) {
                throw invalid();
            }
            byte[] opened = crypt(
                    Cipher.DECRYPT_MODE,
                    Arrays.copyOf(bytes, NONCE_BYTES),
                    scope,
                    Arrays.copyOfRange(bytes, NONCE_BYTES, bytes.length));
            plain = Json.mapper().readValue(opened, new TypeReference<Map<String, String>>() {});
        } catch (ApiProblem e) {
            throw e;
        } catch (Exception e) {
            // not base64, not ours, changed, or sealed for another query: all the same to the client
            throw invalid();
        }
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        plain.forEach((name, value) -> key.put(
                name,
                value.startsWith("N")
                        ? AttributeValue.fromN(value.substring(1))
                        : AttributeValue.fromS(value.substring(1))));
        return key;
    }

    private byte[] crypt(int mode, byte[] nonce, String scope, byte[] input) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD((PURPOSE + "\n" + scope).getBytes(StandardCharsets.UTF_8));
        return cipher.doFinal(input);
    }

    private static ApiProblem invalid() {
        return ApiProblem.badRequest("cursor", "is not a cursor this query handed out");
    }
}
