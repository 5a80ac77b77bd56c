package dev.kmslab.engine.model;

/**
 * Cryptographic purpose of a KMS key. An asymmetric key has exactly one usage, chosen when it is created. Constant
 * names are the AWS wire values.
 */
public enum KeyUsage {
    ENCRYPT_DECRYPT, SIGN_VERIFY, GENERATE_VERIFY_MAC, KEY_AGREEMENT
}
