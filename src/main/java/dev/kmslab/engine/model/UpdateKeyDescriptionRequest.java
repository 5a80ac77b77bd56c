package dev.kmslab.engine.model;

/** UpdateKeyDescription; keyId is a key id or key ARN. */
public record UpdateKeyDescriptionRequest(String keyId, String description) {
}
