package dev.kmslab.engine.model;

/** ListKeyRotations; limit 1–1000, default 100. */
public record ListKeyRotationsRequest(String keyId, Integer limit, String marker) {
}
