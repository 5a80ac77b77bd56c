package dev.kmslab.engine.model;

/** CancelKeyDeletion: keyId is the key ARN; the key is now Disabled. */
public record CancelKeyDeletionResult(String keyId) {
}
