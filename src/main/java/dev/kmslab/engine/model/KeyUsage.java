package dev.kmslab.engine.model;

/** Cryptographic purpose of a KMS key. Constant names are the AWS wire values. */
public enum KeyUsage {
    ENCRYPT_DECRYPT, SIGN_VERIFY, GENERATE_VERIFY_MAC, KEY_AGREEMENT
}
