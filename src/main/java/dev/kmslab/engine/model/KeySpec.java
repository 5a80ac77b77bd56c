package dev.kmslab.engine.model;

/** Every key spec AWS KMS defines; KMS Lab implements SYMMETRIC_DEFAULT so far. Constant names are the AWS wire values. */
public enum KeySpec {
    SYMMETRIC_DEFAULT, RSA_2048, RSA_3072, RSA_4096, ECC_NIST_P256, ECC_NIST_P384, ECC_NIST_P521, ECC_SECG_P256K1, ECC_NIST_EDWARDS25519, HMAC_224, HMAC_256, HMAC_384, HMAC_512, SM2, ML_DSA_44, ML_DSA_65, ML_DSA_87
}
