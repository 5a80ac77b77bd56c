package dev.kmslab.engine.model;

/** DisableKeyRotation. */
public record DisableKeyRotationRequest(String keyId) {
}
