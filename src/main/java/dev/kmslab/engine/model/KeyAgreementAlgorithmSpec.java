package dev.kmslab.engine.model;

/** Key agreement algorithms for DeriveSharedSecret. Constant names are the AWS wire values. */
public enum KeyAgreementAlgorithmSpec {
    ECDH
}
