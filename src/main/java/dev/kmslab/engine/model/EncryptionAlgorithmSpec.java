package dev.kmslab.engine.model;

/**
 * Encryption algorithms; symmetric keys use SYMMETRIC_DEFAULT (AES-256-GCM). Constant names are the AWS wire values.
 * The RSAES_OAEP ones use the named hash for both the OAEP label hash and MGF1, with an empty label, so ciphertext
 * from {@code openssl pkeyutl -pkeyopt rsa_oaep_md:sha256 -pkeyopt rsa_mgf1_md:sha256} decrypts here.
 */
public enum EncryptionAlgorithmSpec {
    SYMMETRIC_DEFAULT(null, 0),
    RSAES_OAEP_SHA_1("SHA-1", 20),
    RSAES_OAEP_SHA_256("SHA-256", 32),
    /** China Regions only. */
    SM2PKE(null, 0);

    private final String hashName;
    private final int hashLength;

    EncryptionAlgorithmSpec(String hashName, int hashLength) {
        this.hashName = hashName;
        this.hashLength = hashLength;
    }

    /** Digest name (as JCA knows it) used for OAEP and MGF1; null for the non-OAEP algorithms. */
    public String hashName() {
        return hashName;
    }

    /**
     * The largest plaintext OAEP can carry with an RSA modulus of {@code modulusBits}: k - 2*hLen - 2 bytes
     * (RFC 8017, 7.1.1), e.g. 214 bytes for RSA_2048 with SHA-1 and 190 with SHA-256.
     */
    public int maxPlaintextBytes(int modulusBits) {
        if (hashName == null) {
            throw new IllegalStateException(name() + " is not an RSA OAEP algorithm");
        }
        return modulusBits / 8 - 2 * hashLength - 2;
    }
}
