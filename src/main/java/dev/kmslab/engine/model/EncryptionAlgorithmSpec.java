package dev.kmslab.engine.model;

/** Encryption algorithms; symmetric keys use SYMMETRIC_DEFAULT (AES-256-GCM). Constant names are the AWS wire values. */
public enum EncryptionAlgorithmSpec {
    SYMMETRIC_DEFAULT, RSAES_OAEP_SHA_1, RSAES_OAEP_SHA_256, SM2PKE
}
