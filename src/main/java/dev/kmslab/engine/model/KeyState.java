package dev.kmslab.engine.model;

/** Lifecycle state of a KMS key. Constant names are the AWS wire values. */
public enum KeyState {
    Creating, Enabled, Disabled, PendingDeletion, PendingImport, PendingReplicaDeletion, Unavailable, Updating
}
