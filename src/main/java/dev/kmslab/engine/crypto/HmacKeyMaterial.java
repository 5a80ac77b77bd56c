package dev.kmslab.engine.crypto;

import dev.kmslab.engine.error.IncorrectKeyMaterialException;
import dev.kmslab.engine.model.KeySpec;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.spec.SecretKeySpec;

/** The secret of an HMAC KMS key: random bytes as long as the spec's bit size (HMAC_224 has 28 bytes). */
public final class HmacKeyMaterial implements KeyMaterial {

    private final KeySpec spec;
    private final byte[] key;
    private volatile boolean destroyed;

    /**
     * Takes ownership of {@code key}; package-private so the known-answer tests can use the RFC vectors' key sizes
     * (through the test helper {@code crypto.TestMaterials}).
     */
    HmacKeyMaterial(KeySpec spec, byte[] key) {
        this.spec = spec;
        this.key = key;
    }

    /** New random key material for an HMAC spec. */
    public static HmacKeyMaterial generate(KeySpec spec, SecureRandom random) {
        byte[] key = new byte[keyLength(spec)];
        random.nextBytes(key);
        return new HmacKeyMaterial(spec, key);
    }

    /** Rebuilds the material from {@link #encoded()}; the length must match the spec. */
    public static HmacKeyMaterial fromEncoded(KeySpec spec, byte[] encoded) {
        int expected = keyLength(spec);
        if (encoded == null || encoded.length != expected) {
            throw new IncorrectKeyMaterialException("Key material for " + spec + " must be " + expected
                    + " bytes long.");
        }
        return new HmacKeyMaterial(spec, encoded.clone());
    }

    /** Key length in bytes for an HMAC spec. */
    public static int keyLength(KeySpec spec) {
        if (spec.family() != KeySpec.Family.HMAC) {
            throw new IllegalArgumentException(spec + " is not an HMAC key spec");
        }
        return spec.bits() / 8;
    }

    public KeySpec spec() {
        return spec;
    }

    @Override
    public byte[] encoded() {
        checkLive();
        return key.clone();
    }

    /** A JCA key for one operation of {@code crypto.asymmetric.MacOperations}; it holds its own copy of the bytes. */
    public SecretKeySpec secretKey(String algorithm) {
        checkLive();
        return new SecretKeySpec(key, algorithm);
    }

    private void checkLive() {
        if (destroyed) {
            throw new IllegalStateException("HMAC key material has been destroyed");
        }
    }

    @Override
    public void destroy() {
        destroyed = true;
        Arrays.fill(key, (byte) 0);
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public String toString() {
        return "HmacKeyMaterial[" + spec + (destroyed ? ", destroyed" : "") + "]";
    }
}
