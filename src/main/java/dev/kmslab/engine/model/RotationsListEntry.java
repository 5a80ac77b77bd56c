package dev.kmslab.engine.model;

import java.time.Instant;

/** One completed rotation in ListKeyRotations. */
public record RotationsListEntry(String keyId, String keyMaterialId, Instant rotationDate, RotationType rotationType) {
}
