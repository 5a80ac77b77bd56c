package dev.kmslab.engine.model;

/** ListKeyRotations; limit 1–1000, default 100; includeKeyMaterial null means ROTATIONS_ONLY. */
public record ListKeyRotationsRequest(String keyId, Integer limit, String marker,
                                      IncludeKeyMaterial includeKeyMaterial) {

    /** Only the materials that rotations created (the AWS default). */
    public ListKeyRotationsRequest(String keyId, Integer limit, String marker) {
        this(keyId, limit, marker, null);
    }
}
