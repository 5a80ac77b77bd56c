package dev.kmslab.engine.crypto.asymmetric.spec;

/** What a KMS key may be used for. An asymmetric key has exactly one usage, chosen when it is created. */
public enum KeyUsage {
    ENCRYPT_DECRYPT,
    SIGN_VERIFY,
    GENERATE_VERIFY_MAC,
    KEY_AGREEMENT
}
