package dev.kmslab.engine.crypto;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * The engine's single source of randomness (IVs, key material, data keys, GenerateRandom). One shared instance of
 * the JDK's NIST SP 800-90A DRBG: it is thread-safe and, unlike the blocking-file NativePRNG, cheap per call.
 */
public final class CryptoRandom {

    /** IVs drawn from the generator at once, per thread: one request of 768 bytes instead of 64 of 12. */
    static final int IVS_PER_DRAW = 64;

    private final SecureRandom random;
    private final ThreadLocal<IvBatch> ivs = ThreadLocal.withInitial(IvBatch::new);

    public CryptoRandom(SecureRandom random) {
        this.random = random;
    }

    /** DRBG output not yet handed out as IVs; each 12 bytes are handed out once, then wiped. */
    private static final class IvBatch {
        final byte[] bytes = new byte[IVS_PER_DRAW * AesGcm.IV_LENGTH];
        int next = bytes.length;
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

    /**
     * A fresh random 96-bit GCM IV, written at {@code offset} of {@code target}. Every IV is 12 bytes of the generator's
     * output that no other IV used, as with {@link #bytes}; they are only drawn in batches per thread, because each
     * request to the JDK's Hash_DRBG costs about as much as AES-GCM of 4 KiB whatever its size (two SHA-256 and the
     * state update). Only IVs are drawn ahead: they are public (stored in every blob), while key material and data
     * keys are drawn when needed and never kept in such a buffer.
     */
    public void iv(byte[] target, int offset) {
        IvBatch batch = ivs.get();
        if (batch.next == batch.bytes.length) {
            random.nextBytes(batch.bytes);
            batch.next = 0;
        }
        System.arraycopy(batch.bytes, batch.next, target, offset, AesGcm.IV_LENGTH);
        java.util.Arrays.fill(batch.bytes, batch.next, batch.next + AesGcm.IV_LENGTH, (byte) 0);
        batch.next += AesGcm.IV_LENGTH;
    }

    /** {@link #iv(byte[], int)} into a new array. */
    public byte[] iv() {
        byte[] iv = new byte[AesGcm.IV_LENGTH];
        iv(iv, 0);
        return iv;
    }

    public void fill(byte[] target) {
        random.nextBytes(target);
    }
}
