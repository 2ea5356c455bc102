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
    private static final String ISSUER = LocalAuthority.issuerAt(3000);

    @TempDir
    Path dir;

    @Test
    void issuedToken_verifiesWithClaimsFlattenedAsApiGatewayDoes() {
        LocalAuthority authority = LocalAuthority.inFolder(dir, ISSUER);
        var claims = authority
                .verify("Bearer " + authority.issue("u1", List.of(Role.CLINICIAN, Role.ADMIN)))
                .orElseThrow();

        assertEquals("u1", claims.get("sub"));
        assertEquals("[clinician admin]", claims.get("cognito:groups"));
    }

    @Test
    void keyKeptInFolder_tokensSurviveARestart() {
        String token = LocalAuthority.inFolder(dir, ISSUER).issue("u1", List.of(Role.FINANCE));
        assertTrue(
                LocalAuthority.inFolder(dir, ISSUER).verify("Bearer " + token).isPresent());
    }

    @Test
    void expiredWrongIssuerWrongAudienceOrForeignKey_areRejected() {
        LocalAuthority authority = LocalAuthority.inFolder(dir, ISSUER);
        Instant later = Instant.now().plusSeconds(600);
        String expired = authority.issue(
                "u",
                List.of(Role.ADMIN),
                ISSUER,
                LocalAuthority.AUDIENCE,
                Instant.now().minusSeconds(120));
        String issuer =
                authority.issue("u", List.of(Role.ADMIN), "https://evil.example", LocalAuthority.AUDIENCE, later);
        String audience = authority.issue("u", List.of(Role.ADMIN), ISSUER, "other-client", later);
        String foreign = LocalAuthority.inFolder(dir.resolve("other"), ISSUER).issue("u", List.of(Role.ADMIN));
        String valid = authority.issue("u", List.of(Role.ADMIN));
        String tampered = valid.substring(0, valid.length() - 4) + "AAAA";
        String[] parts = valid.split("\\.");
        String unsigned =
                java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes()) + "."
                        + parts[1] + ".";

        String otherRunner =
                LocalAuthority.inFolder(dir, LocalAuthority.issuerAt(3001)).issue("u", List.of(Role.ADMIN));

        for (String token :
                List.of(expired, issuer, audience, foreign, tampered, unsigned, otherRunner, "", "garbage")) {
            assertTrue(authority.verify("Bearer " + token).isEmpty(), token);
        }
        assertTrue(authority.verify(null).isEmpty());
    }

    @Test
    void signInTokens_theAccessTokenByItsClientId_theIdTokenByItsAudience_asApiGatewayChecksThem() {
        LocalAuthority authority = LocalAuthority.inFolder(dir, ISSUER);
        var signedIn =
                authority.signIn(LocalUser.of(Role.FINANCE), "n-1", Instant.now(), java.time.Duration.ofMinutes(60));

        var access = authority.verify("Bearer " + signedIn.accessToken()).orElseThrow();
        assertEquals("access", access.get("token_use"));
        assertEquals(LocalAuthority.AUDIENCE, access.get("client_id"));
        assertEquals(null, access.get("aud"), "Cognito's access tokens have no aud");
        assertEquals("[finance]", access.get("cognito:groups"));
        var id = authority.verify("Bearer " + signedIn.idToken()).orElseThrow();
        assertEquals("n-1", id.get("nonce"));
        assertEquals("finance@fristed.local", id.get("email"));
    }
}
