package dev.kmslab.engine.crypto;

import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.spec.SecretKeySpec;

/**
 * Secret AES key bytes. Never prints itself, compares in constant time, and can be wiped with {@link #destroy()}.
 * The bytes are copied in and never handed out except to the JCA primitive and the keystore serialiser.
 */
public final class AesKeyMaterial implements KeyMaterial {

    private final byte[] bytes;
    private volatile boolean destroyed;

    private AesKeyMaterial(byte[] bytes) {
        if (bytes.length != 16 && bytes.length != 24 && bytes.length != 32) {
            throw new IllegalArgumentException("AES key material must be 16, 24 or 32 bytes, was " + bytes.length);
        }
        this.bytes = bytes;
    }

    /** Copies {@code bytes}; the caller may wipe its own array afterwards. */
    public static AesKeyMaterial copyOf(byte[] bytes) {
        return new AesKeyMaterial(bytes.clone());
    }

    /** Fresh random 256-bit material from the engine's random source. */
    public static AesKeyMaterial generate(CryptoRandom random) {
        return new AesKeyMaterial(random.bytes(32));
    }

    public int length() {
        return bytes.length;
    }

    /** A JCA key over these bytes, for one cipher initialisation. */
    SecretKeySpec toJcaKey() {
        checkAlive();
        return new SecretKeySpec(bytes, "AES");
    }

    /** A copy of the raw bytes, only for sealing the keystore at rest; the caller must wipe it. */
    @Override
    public byte[] encoded() {
        checkAlive();
        return bytes.clone();
    }

    /** Constant-time comparison so equality checks leak nothing about the bytes. */
    public boolean sameAs(AesKeyMaterial other) {
        return MessageDigest.isEqual(bytes, other.bytes);
    }

    @Override
    public void destroy() {
        Arrays.fill(bytes, (byte) 0);
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    private void checkAlive() {
        if (destroyed) {
            throw new IllegalStateException("key material has been destroyed");
        }
    }

    @Override
    public String toString() {
        return "AesKeyMaterial[" + bytes.length * 8 + " bits, hidden]";
    }
}
