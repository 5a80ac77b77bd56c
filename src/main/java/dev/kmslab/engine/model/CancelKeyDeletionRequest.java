package dev.kmslab.engine.model;

/** CancelKeyDeletion; keyId is a key id or key ARN. */
public record CancelKeyDeletionRequest(String keyId) {
}
