package dev.kmslab.engine.model;

/** Whether a multi-Region key is the primary or a replica. Constant names are the AWS wire values. */
public enum MultiRegionKeyType {
    PRIMARY, REPLICA
}
