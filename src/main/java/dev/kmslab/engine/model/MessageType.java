package dev.kmslab.engine.model;

/**
 * How Sign and Verify read the Message: RAW is hashed by the signing algorithm; DIGEST is already the hash and is
 * signed as given; EXTERNAL_MU is the 64-byte ML-DSA representative mu (FIPS 204, section 6.2). Constant names are
 * the AWS wire values.
 */
public enum MessageType {
    RAW, DIGEST, EXTERNAL_MU
}
