package dev.kmslab.engine.model;

/** RotateKeyOnDemand: keyId is the key id. */
public record RotateKeyOnDemandResult(String keyId) {
}
