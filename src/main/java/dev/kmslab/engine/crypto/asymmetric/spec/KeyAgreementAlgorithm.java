package dev.kmslab.engine.crypto.asymmetric.spec;

/** Key agreement algorithms for DeriveSharedSecret. AWS offers one: raw elliptic-curve Diffie-Hellman. */
public enum KeyAgreementAlgorithm {
    ECDH
}
