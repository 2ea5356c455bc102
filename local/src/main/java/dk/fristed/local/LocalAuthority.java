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
 * Cognito's ID and access tokens (sub, cognito:groups, iss, aud or client_id, exp) with a key kept in
 * the data folder, and verifies them as the authorizer does: signature, issuer, audience, expiry.
 * The issuer is the runner's own sign-in address ({@link LocalSignIn}), so an app finds the
 * discovery document under it as it does under Cognito's issuer.
 */
public final class LocalAuthority {
    /** The app client's id: the tokens' audience, as the authorizer's audience is the stack's app client. */
    public static final String AUDIENCE = "fristed-local-client";

    static final Duration LIFETIME = Duration.ofHours(12);
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    private final RSAKey key;
    private final Clock clock;
    private final String issuer;

    LocalAuthority(RSAKey key, Clock clock, String issuer) {
        this.key = key;
        this.clock = clock;
        this.issuer = issuer;
    }

    /** The issuer of the runner listening on this port. */
    public static String issuerAt(int port) {
        return "http://localhost:" + port + LocalSignIn.PATH;
    }

    public String issuer() {
        return issuer;
    }

    /** The public half of the signing key, as a JWKS publishes it. */
    RSAKey publicKey() {
        return key.toPublicJWK();
    }

    /** The key in {@code dataDir/jwt-signing-key.json}, created on first use (readable by its owner only). */
    public static LocalAuthority inFolder(Path dataDir, String issuer) {
        Path file = dataDir.resolve("jwt-signing-key.json");
        try {
            if (Files.exists(file)) {
                return new LocalAuthority(RSAKey.parse(Files.readString(file)), Clock.systemUTC(), issuer);
            }
            Files.createDirectories(dataDir);
            RSAKey key = new RSAKeyGenerator(2048)
                    .keyID(UUID.randomUUID().toString())
                    .generate();
            Files.writeString(file, key.toJSONString());
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the folder's own permissions apply
            }
            return new LocalAuthority(key, Clock.systemUTC(), issuer);
        } catch (IOException | ParseException | JOSEException e) {
            throw new IllegalStateException("cannot read or create the local signing key " + file, e);
        }
    }

    /** An ID token for curl and tests ({@code make token}), valid 12 hours. */
    public String issue(String subject, List<Role> roles) {
        return issue(subject, roles, issuer, AUDIENCE, clock.instant().plus(LIFETIME));
    }

    String issue(String subject, List<Role> roles, String issuer, String audience, Instant expiry) {
        return sign(claims(subject, roles, issuer, expiry)
                .audience(audience)
                .claim("token_use", "id")
                .build());
    }

    /**
     * The ID and access token of a sign-in, shaped as Cognito's: the access token (the one apps send
     * to the API) names the client in {@code client_id} and has no {@code aud}; the ID token names the
     * app in {@code aud} and carries the e-mail and the sign-in's nonce.
     */
    SignedIn signIn(LocalUser user, String nonce, Instant authTime, Duration lifetime) {
        Instant expiry = clock.instant().plus(lifetime);
        JWTClaimsSet.Builder id = claims(user.subject(), user.roles(), issuer, expiry)
                .audience(AUDIENCE)
                .claim("token_use", "id")
                .claim("email", user.email())
                .claim("cognito:username", user.subject())
                .claim("auth_time", authTime.getEpochSecond());
        if (nonce != null) {
            id.claim("nonce", nonce);
        }
        JWTClaimsSet access = claims(user.subject(), user.roles(), issuer, expiry)
                .claim("client_id", AUDIENCE)
                .claim("token_use", "access")
                .claim("scope", "openid email")
                .claim("username", user.subject())
                .claim("auth_time", authTime.getEpochSecond())
                .jwtID(UUID.randomUUID().toString())
                .build();
        return new SignedIn(sign(id.build()), sign(access), lifetime);
    }

    /** What a sign-in gives an app: its ID token, the access token for the API, and how long both last. */
    record SignedIn(String idToken, String accessToken, Duration lifetime) {}

    private JWTClaimsSet.Builder claims(String subject, List<Role> roles, String issuer, Instant expiry) {
        Instant now = clock.instant();
        return new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer(issuer)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(expiry))
                .claim(Caller.GROUPS_CLAIM, roles.stream().map(Role::groupName).toList());
    }

    private String sign(JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
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
                ? authorizationHeader.substring(7).strip()
                : authorizationHeader.strip();
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())
                    || !jwt.verify(new RSASSAVerifier(key.toRSAPublicKey()))) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Instant now = clock.instant();
            if (!issuer.equals(claims.getIssuer())
                    || !forThisClient(claims)
                    || claims.getExpirationTime() == null
                    || claims.getExpirationTime().toInstant().isBefore(now.minus(CLOCK_SKEW))
                    || (claims.getNotBeforeTime() != null
                            && claims.getNotBeforeTime().toInstant().isAfter(now.plus(CLOCK_SKEW)))) {
                return Optional.empty();
            }
            Map<String, String> flat = new LinkedHashMap<>();
            claims.getClaims().forEach((name, value) -> flat.put(name, flatten(value)));
            return Optional.of(flat);
        } catch (ParseException | JOSEException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** As API Gateway: the {@code aud} claim when there is one, else {@code client_id} (an access token). */
    private static boolean forThisClient(JWTClaimsSet claims) throws ParseException {
        List<String> audience = claims.getAudience();
        return audience != null && !audience.isEmpty()
                ? audience.contains(AUDIENCE)
                : AUDIENCE.equals(claims.getStringClaim("client_id"));
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
