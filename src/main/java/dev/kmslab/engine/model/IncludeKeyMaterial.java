package dev.kmslab.engine.model;

/**
 * ListKeyRotations IncludeKeyMaterial. ROTATIONS_ONLY (the default) lists the materials that rotations created;
 * ALL_KEY_MATERIAL adds the first material and any imported material pending rotation. Constant names are the AWS
 * wire values.
 */
public enum IncludeKeyMaterial {
    ALL_KEY_MATERIAL, ROTATIONS_ONLY
}
