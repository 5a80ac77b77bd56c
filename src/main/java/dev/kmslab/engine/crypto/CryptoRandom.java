package dev.kmslab.engine.crypto;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * The engine's single source of randomness (IVs, key material, data keys, GenerateRandom). One shared instance of
 * the JDK's NIST SP 800-90A DRBG: it is thread-safe and, unlike the blocking-file NativePRNG, cheap per call.
 */
public final class CryptoRandom {

    private final SecureRandom random;

    public CryptoRandom(SecureRandom random) {
        this.random = random;
    }

    /** The default: the JDK's DRBG, or the platform default if a JDK lacks it. */
    public static CryptoRandom create() {
        try {
            return new CryptoRandom(SecureRandom.getInstance("DRBG"));
        } catch (NoSuchAlgorithmException e) {
            return new CryptoRandom(new SecureRandom());
        }
    }

    public byte[] bytes(int count) {
        byte[] out = new byte[count];
        random.nextBytes(out);
        return out;
    }

    public void fill(byte[] target) {
        random.nextBytes(target);
    }
}
