package dev.kmslab.engine.model;

/** EnableKey; keyId is a key id or key ARN. */
public record EnableKeyRequest(String keyId) {
}
