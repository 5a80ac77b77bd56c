package dev.kmslab.engine.model;

/** GetKeyRotationStatus. */
public record GetKeyRotationStatusRequest(String keyId) {
}
