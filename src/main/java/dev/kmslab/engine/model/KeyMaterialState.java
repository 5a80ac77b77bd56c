package dev.kmslab.engine.model;

/**
 * ListKeyRotations: what a key material is used for. CURRENT encrypts and decrypts, NON_CURRENT only decrypts, and
 * PENDING_ROTATION is imported material waiting for RotateKeyOnDemand (not yet permanently associated with the key).
 * Constant names are the AWS wire values.
 */
public enum KeyMaterialState {
    NON_CURRENT, CURRENT, PENDING_ROTATION
}
