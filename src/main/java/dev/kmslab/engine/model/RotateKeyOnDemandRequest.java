package dev.kmslab.engine.model;

/** RotateKeyOnDemand. */
public record RotateKeyOnDemandRequest(String keyId) {
}
