package dev.kmslab.engine.state;

import dev.kmslab.engine.crypto.KeyMaterial;
import dev.kmslab.engine.model.RotationType;
import java.time.Instant;

/**
 * One backing key in a key's ring. Version 1 is the material created with the key ({@code rotationType} null);
 * each rotation appends the next version. {@code keyMaterialId} is a public identifier (64 hex digits), never
 * derived from the material.
 */
public record KeyVersion(int version, String keyMaterialId, KeyMaterial material, Instant createdAt,
                         RotationType rotationType) {

    @Override
    public String toString() {
        return "KeyVersion[" + version + ", " + keyMaterialId + ", created " + createdAt + ", " + rotationType + "]";
    }
}
