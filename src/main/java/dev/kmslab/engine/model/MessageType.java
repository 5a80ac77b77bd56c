package dev.kmslab.engine.model;

/**
 * How Sign and Verify read the Message: RAW is hashed by the algorithm, DIGEST is already the hash, EXTERNAL_MU is
 * the 64-byte ML-DSA mu. Constant names are the AWS wire values.
 */
public enum MessageType {
    RAW, DIGEST, EXTERNAL_MU
}
