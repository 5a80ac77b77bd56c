package dev.kmslab.engine.model;

/**
 * Key agreement algorithms for DeriveSharedSecret. AWS offers one: raw elliptic-curve Diffie-Hellman. Constant names
 * are the AWS wire values.
 */
public enum KeyAgreementAlgorithmSpec {
    ECDH
}
