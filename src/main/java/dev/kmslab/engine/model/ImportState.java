package dev.kmslab.engine.model;

/** ListKeyRotations: whether a key material is currently in KMS. Constant names are the AWS wire values. */
public enum ImportState {
    IMPORTED, PENDING_IMPORT
}
