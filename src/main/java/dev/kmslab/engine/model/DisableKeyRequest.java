package dev.kmslab.engine.model;

/** DisableKey; keyId is a key id or key ARN. */
public record DisableKeyRequest(String keyId) {
}
