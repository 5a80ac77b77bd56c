package dev.kmslab.engine.model;

import java.util.List;

/** ListKeyRotations page, oldest rotation first. */
public record ListKeyRotationsResult(List<RotationsListEntry> rotations, String nextMarker, boolean truncated) {
}
