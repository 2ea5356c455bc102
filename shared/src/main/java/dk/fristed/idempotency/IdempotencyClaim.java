package dk.fristed.idempotency;

/** A request's claim on its Idempotency-Key: the storage key and the request's fingerprint. */
public record IdempotencyClaim(String claimKey, String fingerprint) {}
