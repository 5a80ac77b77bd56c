package dev.kmslab.engine.model;

/**
 * Every key spec AWS KMS defines: the kind and size of key material a KMS key holds, fixed when the key is created.
 * Constant names are the AWS wire values. Each spec carries plain facts about it (family, size, the standard curve or
 * parameter-set name); which usages and algorithms a spec allows lives in
 * {@code dev.kmslab.engine.crypto.asymmetric.spec.KeySpecRules}.
 */
public enum KeySpec {
    SYMMETRIC_DEFAULT(Family.SYMMETRIC, 256, null),
    RSA_2048(Family.RSA, 2048, null),
    RSA_3072(Family.RSA, 3072, null),
    RSA_4096(Family.RSA, 4096, null),
    ECC_NIST_P256(Family.ECC_NIST, 256, "secp256r1"),
    ECC_NIST_P384(Family.ECC_NIST, 384, "secp384r1"),
    ECC_NIST_P521(Family.ECC_NIST, 521, "secp521r1"),
    ECC_SECG_P256K1(Family.ECC_SECG, 256, "secp256k1"),
    ECC_NIST_EDWARDS25519(Family.EDWARDS, 255, "Ed25519"),
    HMAC_224(Family.HMAC, 224, null),
    HMAC_256(Family.HMAC, 256, null),
    HMAC_384(Family.HMAC, 384, null),
    HMAC_512(Family.HMAC, 512, null),
    /** Offered by AWS in the China Regions only; the lab refuses it like any other Region would. */
    SM2(Family.SM2, 256, "sm2p256v1"),
    ML_DSA_44(Family.ML_DSA, 0, "ML-DSA-44"),
    ML_DSA_65(Family.ML_DSA, 0, "ML-DSA-65"),
    ML_DSA_87(Family.ML_DSA, 0, "ML-DSA-87");

    /** Groups of specs that share key generation and algorithms. */
    public enum Family { SYMMETRIC, RSA, ECC_NIST, ECC_SECG, EDWARDS, HMAC, ML_DSA, SM2 }

    private final Family family;
    private final int bits;
    private final String parameterName;

    KeySpec(Family family, int bits, String parameterName) {
        this.family = family;
        this.bits = bits;
        this.parameterName = parameterName;
    }

    public Family family() {
        return family;
    }

    /** Key size in bits: the RSA modulus, the EC field, or the HMAC key; 0 for ML-DSA (sized by parameter set). */
    public int bits() {
        return bits;
    }

    /** The curve or parameter-set name the providers know (e.g. {@code secp256r1}, {@code ML-DSA-65}); null if none. */
    public String parameterName() {
        return parameterName;
    }

    /** True for key pairs (RSA, ECC, Edwards, ML-DSA, SM2); false for SYMMETRIC_DEFAULT and HMAC. */
    public boolean isAsymmetric() {
        return family != Family.SYMMETRIC && family != Family.HMAC;
    }

    /** True for the elliptic-curve specs that do ECDSA/ECDH over a Weierstrass curve. */
    public boolean isWeierstrassCurve() {
        return family == Family.ECC_NIST || family == Family.ECC_SECG || family == Family.SM2;
    }
}
