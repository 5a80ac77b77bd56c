package dev.kmslab.engine.model;

/**
 * Key pair specs for GenerateDataKeyPair(WithoutPlaintext). Constant names are the AWS wire values. The pair is used
 * outside KMS, so the usage rules of KMS keys do not apply to it. (The newest AWS SDKs also list ML_KEM_512/768/1024;
 * the lab does not offer them.)
 */
public enum DataKeyPairSpec {
    RSA_2048(KeySpec.RSA_2048),
    RSA_3072(KeySpec.RSA_3072),
    RSA_4096(KeySpec.RSA_4096),
    ECC_NIST_P256(KeySpec.ECC_NIST_P256),
    ECC_NIST_P384(KeySpec.ECC_NIST_P384),
    ECC_NIST_P521(KeySpec.ECC_NIST_P521),
    ECC_SECG_P256K1(KeySpec.ECC_SECG_P256K1),
    ECC_NIST_EDWARDS25519(KeySpec.ECC_NIST_EDWARDS25519),
    /** China Regions only. */
    SM2(KeySpec.SM2);

    private final KeySpec keySpec;

    DataKeyPairSpec(KeySpec keySpec) {
        this.keySpec = keySpec;
    }

    /** The KMS key spec with the same key type and size. */
    public KeySpec keySpec() {
        return keySpec;
    }
}
