package dev.kmslab.engine.model;

/** EnableKeyRotation; rotationPeriodInDays 90–2560, default 365. */
public record EnableKeyRotationRequest(String keyId, Integer rotationPeriodInDays) {
}
