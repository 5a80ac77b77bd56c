package dev.kmslab.engine.model;

/**
 * Signing algorithms for Sign and Verify, with the hash each one applies to a RAW message. Constant names are the AWS
 * wire values.
 */
public enum SigningAlgorithmSpec {
    RSASSA_PSS_SHA_256(Scheme.RSA_PSS, "SHA-256", 32),
    RSASSA_PSS_SHA_384(Scheme.RSA_PSS, "SHA-384", 48),
    RSASSA_PSS_SHA_512(Scheme.RSA_PSS, "SHA-512", 64),
    RSASSA_PKCS1_V1_5_SHA_256(Scheme.RSA_PKCS1, "SHA-256", 32),
    RSASSA_PKCS1_V1_5_SHA_384(Scheme.RSA_PKCS1, "SHA-384", 48),
    RSASSA_PKCS1_V1_5_SHA_512(Scheme.RSA_PKCS1, "SHA-512", 64),
    ECDSA_SHA_256(Scheme.ECDSA, "SHA-256", 32),
    ECDSA_SHA_384(Scheme.ECDSA, "SHA-384", 48),
    ECDSA_SHA_512(Scheme.ECDSA, "SHA-512", 64),
    /** PureEdDSA (RFC 8032 Ed25519): signs the whole message, so only MessageType RAW. */
    ED25519_SHA_512(Scheme.ED25519, "SHA-512", 64),
    /** HashEdDSA (RFC 8032 Ed25519ph): signs a SHA-512 digest, so only MessageType DIGEST. */
    ED25519_PH_SHA_512(Scheme.ED25519_PH, "SHA-512", 64),
    /** Pure ML-DSA (FIPS 204) with an empty context; mu is a 64-byte SHAKE256 output. */
    ML_DSA_SHAKE_256(Scheme.ML_DSA, "SHAKE256", 64),
    /** China Regions only. */
    SM2DSA(Scheme.SM2, "SM3", 32);

    /** The signature construction behind the algorithm. */
    public enum Scheme { RSA_PSS, RSA_PKCS1, ECDSA, ED25519, ED25519_PH, ML_DSA, SM2 }

    private final Scheme scheme;
    private final String hashName;
    private final int digestLength;

    SigningAlgorithmSpec(Scheme scheme, String hashName, int digestLength) {
        this.scheme = scheme;
        this.hashName = hashName;
        this.digestLength = digestLength;
    }

    public Scheme scheme() {
        return scheme;
    }

    /** Digest name (as JCA knows it) of the message hash, e.g. {@code SHA-256}. */
    public String hashName() {
        return hashName;
    }

    /** Length in bytes a DIGEST message (or an EXTERNAL_MU value for ML-DSA) must have. */
    public int digestLength() {
        return digestLength;
    }
}
