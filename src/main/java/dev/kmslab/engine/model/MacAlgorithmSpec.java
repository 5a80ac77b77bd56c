package dev.kmslab.engine.model;

/** HMAC algorithms for GenerateMac and VerifyMac (RFC 2104). Constant names are the AWS wire values. */
public enum MacAlgorithmSpec {
    HMAC_SHA_224("HmacSHA224", 28),
    HMAC_SHA_256("HmacSHA256", 32),
    HMAC_SHA_384("HmacSHA384", 48),
    HMAC_SHA_512("HmacSHA512", 64);

    private final String jcaName;
    private final int macLength;

    MacAlgorithmSpec(String jcaName, int macLength) {
        this.jcaName = jcaName;
        this.macLength = macLength;
    }

    /** The JCA Mac name. */
    public String jcaName() {
        return jcaName;
    }

    /** Tag length in bytes (the hash output length). */
    public int macLength() {
        return macLength;
    }
}
