package dk.fristed.local;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dk.fristed.auth.Caller;
import dk.fristed.auth.Role;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Stands in for Cognito and the API Gateway JWT authorizer: issues RS256 tokens shaped like
 * Cognito's (sub, cognito:groups, iss, aud, exp) with a key kept in the data folder, and verifies
 * them as the authorizer does: signature, issuer, audience, expiry.
 */
public final class LocalAuthority {
    public static final String ISSUER = "http://localhost/fristed-local-issuer";
    public static final String AUDIENCE = "fristed-local-client";
    static final Duration LIFETIME = Duration.ofHours(12);
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    private final RSAKey key;
    private final Clock clock;

    LocalAuthority(RSAKey key, Clock clock) {
        this.key = key;
        this.clock = clock;
    }

    /** The key in {@code dataDir/jwt-signing-key.json}, created on first use (readable by its owner only). */
    public static LocalAuthority inFolder(Path dataDir) {
        Path file = dataDir.resolve("jwt-signing-key.json");
        try {
            if (Files.exists(file)) {
                return new LocalAuthority(RSAKey.parse(Files.readString(file)), Clock.systemUTC());
            }
            Files.createDirectories(dataDir);
            RSAKey key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
            Files.writeString(file, key.toJSONString());
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the folder's own permissions apply
            }
            return new LocalAuthority(key, Clock.systemUTC());
        } catch (IOException | ParseException | JOSEException e) {
            throw new IllegalStateException("cannot read or create the local signing key " + file, e);
        }
    }

    public String issue(String subject, List<Role> roles) {
        return issue(subject, roles, ISSUER, AUDIENCE, clock.instant().plus(LIFETIME));
    }

    String issue(String subject, List<Role> roles, String issuer, String audience, Instant expiry) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer(issuer)
                .audience(audience)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(expiry))
                .claim(Caller.GROUPS_CLAIM, roles.stream().map(Role::groupName).toList())
                .claim("token_use", "id")
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /**
     * The claims of a valid bearer token, flattened as API Gateway passes them to Lambda (every value
     * a string, lists as {@code [a b]}); empty when the header is missing or the token is not valid.
     */
    public Optional<Map<String, String>> verify(String authorizationHeader) {
        if (authorizationHeader == null) {
            return Optional.empty();
        }
        String token = authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorizationHeader.substring(7).strip() : authorizationHeader.strip();
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(new RSASSAVerifier(key.toRSAPublicKey()))) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Instant now = clock.instant();
            if (!ISSUER.equals(claims.getIssuer()) || claims.getAudience() == null || !claims.getAudience().contains(AUDIENCE)
                    || claims.getExpirationTime() == null || claims.getExpirationTime().toInstant().isBefore(now.minus(CLOCK_SKEW))
                    || (claims.getNotBeforeTime() != null && claims.getNotBeforeTime().toInstant().isAfter(now.plus(CLOCK_SKEW)))) {
                return Optional.empty();
            }
            Map<String, String> flat = new LinkedHashMap<>();
            claims.getClaims().forEach((name, value) -> flat.put(name, flatten(value)));
            return Optional.of(flat);
        } catch (ParseException | JOSEException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String flatten(Object value) {
        if (value instanceof List<?> list) {
            return "[" + String.join(" ", list.stream().map(String::valueOf).toList()) + "]";
        }
        if (value instanceof Date date) {
            return Long.toString(date.toInstant().getEpochSecond());
        }
        return String.valueOf(value);
    }
}
