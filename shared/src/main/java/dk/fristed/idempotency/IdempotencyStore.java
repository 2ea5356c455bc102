package dk.fristed.idempotency;

import dk.fristed.http.ApiRequest;
import dk.fristed.json.Json;
import dk.fristed.paging.Hmac;
import dk.fristed.problem.ApiProblem;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Idempotent creation. A POST with an {@code Idempotency-Key} header puts a claim item in the same
 * DynamoDB transaction that creates the resource, under the condition that no claim exists yet. A
 * retry therefore cannot create anything twice; it finds the claim and is answered with the first
 * result, or with 422 if the same key came with a different request.
 */
public final class IdempotencyStore {
    public static final String HEADER = "Idempotency-Key";
    public static final Duration RETENTION = Duration.ofHours(24);
    private static final Pattern KEY_FORMAT = Pattern.compile("[A-Za-z0-9._:-]{8,128}");
    private static final String PURPOSE = "idempotency/v1";

    private final DynamoDbTable<IdempotencyItem> table;
    private final Hmac hmac;
    private final Clock clock;

    public IdempotencyStore(DynamoDbTable<IdempotencyItem> table, Hmac hmac, Clock clock) {
        this.table = table;
        this.hmac = hmac;
        this.clock = clock;
    }

    /**
     * The request's claim, if it sent an Idempotency-Key. Keys are scoped to the route and the
     * caller, so two users cannot collide; the fingerprint covers the route, path and parsed body.
     */
    public Optional<IdempotencyClaim> claimFor(ApiRequest request, String resourcePath, Object parsedBody) {
        Optional<String> key = request.header(HEADER);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        if (!KEY_FORMAT.matcher(key.get()).matches()) {
            throw ApiProblem.badRequest(
                    HEADER, "must be 8 to 128 characters of letters, digits and . _ : - (a UUID is ideal)");
        }
        String claimKey = request.routeKey() + "|" + request.caller().subject() + "|" + key.get();
        String fingerprint =
                Base64.getEncoder().encodeToString(hmac.sign(PURPOSE, resourcePath + "\n" + Json.write(parsedBody)));
        return Optional.of(new IdempotencyClaim(claimKey, fingerprint));
    }

    /** The conditional claim put, to be written in the same transaction that creates the resource. */
    public TransactWriteItem claimItem(IdempotencyClaim claim, String resourceId) {
        IdempotencyItem item = new IdempotencyItem();
        item.setClaimKey(claim.claimKey());
        item.setFingerprint(claim.fingerprint());
        item.setResourceId(resourceId);
        item.setExpiresAt(clock.instant().plus(RETENTION).getEpochSecond());
        return TransactWriteItem.builder()
                .put(Put.builder()
                        .tableName(table.tableName())
                        .item(IdempotencyItem.SCHEMA.itemToMap(item, true))
                        .conditionExpression("attribute_not_exists(claimKey)")
                        .build())
                .build();
    }

    /**
     * After the transaction was cancelled by an existing claim: the id the first request created,
     * or 422 when this key was used for a different request.
     */
    public String replay(IdempotencyClaim claim) {
        return earlier(claim)
                .orElseThrow(() -> ApiProblem.conflict(
                        "a concurrent request with the same Idempotency-Key is in progress; retry"));
    }

    /**
     * Before a change whose checks a repeat would fail (a merge: the duplicate is merged by then): the id
     * the first request with this key made, empty if there was none, 422 if it was a different request.
     */
    public Optional<String> earlier(IdempotencyClaim claim) {
        IdempotencyItem stored = table.getItem(GetItemEnhancedRequest.builder()
                .key(Key.builder().partitionValue(claim.claimKey()).build())
                .consistentRead(true)
                .build());
        if (stored == null) {
            return Optional.empty();
        }
        if (!Hmac.equal(
                stored.getFingerprint().getBytes(StandardCharsets.UTF_8),
                claim.fingerprint().getBytes(StandardCharsets.UTF_8))) {
            throw ApiProblem.unprocessable(HEADER, "was already used for a different request");
        }
        return Optional.of(stored.getResourceId());
    }
}
