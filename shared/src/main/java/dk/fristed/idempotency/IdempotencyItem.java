package dk.fristed.idempotency;

import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;

/**
 * A claimed Idempotency-Key. It holds no personal data: a keyed fingerprint of the request and the
 * id of what the first request created. DynamoDB's TTL removes it after {@link IdempotencyStore#RETENTION}.
 */
public final class IdempotencyItem {
    public static final StaticTableSchema<IdempotencyItem> SCHEMA = StaticTableSchema.builder(IdempotencyItem.class)
            .newItemSupplier(IdempotencyItem::new)
            .addAttribute(
                    String.class,
                    a -> a.name("claimKey")
                            .getter(IdempotencyItem::getClaimKey)
                            .setter(IdempotencyItem::setClaimKey)
                            .tags(primaryPartitionKey()))
            .addAttribute(
                    String.class,
                    a -> a.name("fingerprint")
                            .getter(IdempotencyItem::getFingerprint)
                            .setter(IdempotencyItem::setFingerprint))
            .addAttribute(
                    String.class,
                    a -> a.name("resourceId")
                            .getter(IdempotencyItem::getResourceId)
                            .setter(IdempotencyItem::setResourceId))
            .addAttribute(
                    Long.class,
                    a -> a.name("expiresAt")
                            .getter(IdempotencyItem::getExpiresAt)
                            .setter(IdempotencyItem::setExpiresAt))
            .build();

    private String claimKey;
    private String fingerprint;
    private String resourceId;
    private Long expiresAt;

    public String getClaimKey() {
        return claimKey;
    }

    public void setClaimKey(String claimKey) {
        this.claimKey = claimKey;
    }

    public String getFingerprint() {
        return fingerprint;
    }

    public void setFingerprint(String fingerprint) {
        this.fingerprint = fingerprint;
    }

    public String getResourceId() {
        return resourceId;
    }

    public void setResourceId(String resourceId) {
        this.resourceId = resourceId;
    }

    public Long getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(Long expiresAt) {
        this.expiresAt = expiresAt;
    }
}
