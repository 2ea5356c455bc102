package dk.fristed.paging;

import dk.fristed.problem.ApiProblem;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CursorTest {
    private final Cursor cursor = new Cursor(new Hmac("0123456789abcdef0123456789abcdef".getBytes()));
    private final Map<String, AttributeValue> key = Map.of(
            "site",
            AttributeValue.fromS("odense"),
            "visitKey",
            AttributeValue.fromS("2025-03-04#abc"),
            "n",
            AttributeValue.fromN("42"));

    @Test
    void encodeThenDecode_sameScope_givesTheKeyBack() {
        assertEquals(key, cursor.decode(cursor.encode(key, "scope-a"), "scope-a"));
    }

    @Test
    void decode_otherScopeOrTamperedOrGarbage_is400OnCursor() {
        String encoded = cursor.encode(key, "scope-a");
        char[] tampered = encoded.toCharArray();
        tampered[3] = tampered[3] == 'A' ? 'B' : 'A';

        for (String bad : new String[] {encoded, new String(tampered), "garbage", ".", "a.b", "x".repeat(5000)}) {
            String scope = bad.equals(encoded) ? "scope-b" : "scope-a";
            ApiProblem problem = assertThrows(ApiProblem.class, () -> cursor.decode(bad, scope), bad);
            assertEquals("cursor", problem.field());
        }
    }

    @Test
    void encode_sealsTheKey_noHelpNumberOrDateReadableAndNeverTheSameTwice() {
        Map<String, AttributeValue> patientKey = Map.of(
                "helpNumber", AttributeValue.fromS("8GTV-F793"), "visitKey", AttributeValue.fromS("2025-03-04#abc"));

        String first = cursor.encode(patientKey, "visits-of-patient");
        String second = cursor.encode(patientKey, "visits-of-patient");

        String bytes = new String(Base64.getUrlDecoder().decode(first), StandardCharsets.ISO_8859_1);
        for (String secret : new String[] {"8GTV", "F793", "2025-03-04", "helpNumber", "visitKey"}) {
            assertFalse(first.contains(secret) || bytes.contains(secret), secret);
        }
        assertNotEquals(first, second);
        assertEquals(patientKey, cursor.decode(second, "visits-of-patient"));
    }

    @Test
    void signedWithAnotherKey_isRejected() {
        Cursor other = new Cursor(new Hmac("fedcba9876543210fedcba9876543210".getBytes()));
        assertThrows(ApiProblem.class, () -> cursor.decode(other.encode(key, "s"), "s"));
    }
}
