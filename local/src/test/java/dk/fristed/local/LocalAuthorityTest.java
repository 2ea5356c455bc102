package dk.fristed.local;

import dk.fristed.auth.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The local stand-in for API Gateway's JWT authorizer checks what the real one checks. */
class LocalAuthorityTest {
    @TempDir
    Path dir;

    @Test
    void issuedToken_verifiesWithClaimsFlattenedAsApiGatewayDoes() {
        LocalAuthority authority = LocalAuthority.inFolder(dir);
        var claims = authority.verify("Bearer " + authority.issue("u1", List.of(Role.CLINICIAN, Role.ADMIN))).orElseThrow();

        assertEquals("u1", claims.get("sub"));
        assertEquals("[clinician admin]", claims.get("cognito:groups"));
    }

    @Test
    void keyKeptInFolder_tokensSurviveARestart() {
        String token = LocalAuthority.inFolder(dir).issue("u1", List.of(Role.FINANCE));
        assertTrue(LocalAuthority.inFolder(dir).verify("Bearer " + token).isPresent());
    }

    @Test
    void expiredWrongIssuerWrongAudienceOrForeignKey_areRejected() {
        LocalAuthority authority = LocalAuthority.inFolder(dir);
        Instant later = Instant.now().plusSeconds(600);
        String expired = authority.issue("u", List.of(Role.ADMIN), LocalAuthority.ISSUER, LocalAuthority.AUDIENCE,
                Instant.now().minusSeconds(120));
        String issuer = authority.issue("u", List.of(Role.ADMIN), "https://evil.example", LocalAuthority.AUDIENCE, later);
        String audience = authority.issue("u", List.of(Role.ADMIN), LocalAuthority.ISSUER, "other-client", later);
        String foreign = LocalAuthority.inFolder(dir.resolve("other")).issue("u", List.of(Role.ADMIN));
        String valid = authority.issue("u", List.of(Role.ADMIN));
        String tampered = valid.substring(0, valid.length() - 4) + "AAAA";
        String[] parts = valid.split("\\.");
        String unsigned = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes())
                + "." + parts[1] + ".";

        for (String token : List.of(expired, issuer, audience, foreign, tampered, unsigned, "", "garbage")) {
            assertTrue(authority.verify("Bearer " + token).isEmpty(), token);
        }
        assertTrue(authority.verify(null).isEmpty());
    }
}
