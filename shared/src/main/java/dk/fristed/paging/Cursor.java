package dk.fristed.paging;

import com.fasterxml.jackson.core.type.TypeReference;
import dk.fristed.http.ApiProblem;
import dk.fristed.json.Json;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Opaque, tamper-proof page cursors: DynamoDB's LastEvaluatedKey, signed together with the query
 * it belongs to, so a client can neither forge a key nor replay a cursor on another query.
 * Format: base64url(key JSON) "." base64url(first 16 bytes of HMAC).
 */
public final class Cursor {
    private static final String PURPOSE = "cursor/v1";
    private static final int SIGNATURE_BYTES = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final Hmac hmac;

    public Cursor(Hmac hmac) {
        this.hmac = hmac;
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
        String payload = ENCODER.encodeToString(Json.write(plain).getBytes(StandardCharsets.UTF_8));
        return payload + "." + ENCODER.encodeToString(signature(payload, scope));
    }

    /** The cursor of the next page, or null when DynamoDB says this page was the last. */
    public String after(Map<String, AttributeValue> lastEvaluatedKey, String scope) {
        return lastEvaluatedKey == null || lastEvaluatedKey.isEmpty() ? null : encode(lastEvaluatedKey, scope);
    }

    public Map<String, AttributeValue> decode(String cursor, String scope) {
        int dot = cursor.indexOf('.');
        if (dot < 1 || cursor.length() > 2048) {
            throw invalid();
        }
        String payload = cursor.substring(0, dot);
        byte[] given;
        try {
            given = DECODER.decode(cursor.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (!Hmac.equal(given, signature(payload, scope))) {
            throw invalid();
        }
        Map<String, String> plain;
        try {
            plain = Json.mapper().readValue(DECODER.decode(payload), new TypeReference<Map<String, String>>() { });
        } catch (Exception e) {
            throw invalid();
        }
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        plain.forEach((name, value) -> key.put(name, value.startsWith("N")
                ? AttributeValue.fromN(value.substring(1))
                : AttributeValue.fromS(value.substring(1))));
        return key;
    }

    private byte[] signature(String payload, String scope) {
        return Arrays.copyOf(hmac.sign(PURPOSE, scope + "\n" + payload), SIGNATURE_BYTES);
    }

    private static ApiProblem invalid() {
        return ApiProblem.badRequest("cursor", "is not a cursor this query handed out");
    }
}
