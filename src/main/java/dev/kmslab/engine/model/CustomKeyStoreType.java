package dev.kmslab.engine.model;

/** The kinds of AWS custom key store; KMS Lab simulates AWS_CLOUDHSM stores on a PKCS#11 token. */
public enum CustomKeyStoreType {
    AWS_CLOUDHSM, EXTERNAL_KEY_STORE
}
