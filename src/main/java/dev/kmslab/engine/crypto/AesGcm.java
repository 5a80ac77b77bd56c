package dev.kmslab.engine.crypto;

import dev.kmslab.engine.error.InvalidCiphertextException;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-GCM through the JDK's SunJCE provider (AES-NI accelerated, far faster than a pure-Java implementation), with a
 * 96-bit IV and a 128-bit tag. Cipher objects are not thread-safe and costly to look up, so each thread keeps one.
 */
public final class AesGcm {

    public static final int IV_LENGTH = 12;
    public static final int TAG_LENGTH = 16;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(AesGcm::newCipher);

    private AesGcm() {
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance(TRANSFORMATION, "SunJCE");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks SunJCE AES/GCM/NoPadding", e);
        }
    }

    /**
     * Encrypts {@code plaintext} and writes ciphertext followed by the tag into {@code out} at {@code outOffset}.
     * The IV is the 12 bytes at {@code ivOffset} of {@code iv}; the AAD is the first {@code aad1Length} bytes of
     * {@code aad1} followed by all of {@code aad2}. Slices avoid copying headers on the hot path. Returns the bytes
     * written.
     */
    public static int encrypt(AesKeyMaterial key, byte[] iv, int ivOffset, byte[] aad1, int aad1Length,
                              byte[] aad2, byte[] plaintext, byte[] out, int outOffset) {
        try {
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.ENCRYPT_MODE, key.toJcaKey(),
                    new GCMParameterSpec(TAG_LENGTH * 8, iv, ivOffset, IV_LENGTH));
            cipher.updateAAD(aad1, 0, aad1Length);
            cipher.updateAAD(aad2);
            return cipher.doFinal(plaintext, 0, plaintext.length, out, outOffset);
        } catch (GeneralSecurityException e) {
            // Encryption with a valid key and a fresh IV cannot fail; treat it as a broken platform.
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** Convenience form returning a new array: ciphertext followed by the 16-byte tag. */
    public static byte[] encrypt(AesKeyMaterial key, byte[] iv, byte[] aad, byte[] plaintext) {
        byte[] out = new byte[plaintext.length + TAG_LENGTH];
        if (iv.length != IV_LENGTH) {
            throw new IllegalArgumentException("the IV must be " + IV_LENGTH + " bytes");
        }
        encrypt(key, iv, 0, aad, aad.length, new byte[0], plaintext, out, 0);
        return out;
    }

    /**
     * Decrypts {@code length} bytes of ciphertext-and-tag at {@code offset}, with the IV at {@code ivOffset} of
     * {@code iv} and AAD = first {@code aad1Length} bytes of {@code aad1} then {@code aad2}. Any authentication
     * failure becomes {@link InvalidCiphertextException} and no plaintext is released.
     */
    public static byte[] decrypt(AesKeyMaterial key, byte[] iv, int ivOffset, byte[] aad1, int aad1Length,
                                 byte[] aad2, byte[] input, int offset, int length) {
        if (length < TAG_LENGTH) {
            throw new InvalidCiphertextException("The ciphertext is invalid.");
        }
        try {
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.DECRYPT_MODE, key.toJcaKey(),
                    new GCMParameterSpec(TAG_LENGTH * 8, iv, ivOffset, IV_LENGTH));
            cipher.updateAAD(aad1, 0, aad1Length);
            cipher.updateAAD(aad2);
            return cipher.doFinal(input, offset, length);
        } catch (GeneralSecurityException e) {
            // A wrong tag (AEADBadTagException) and any other refusal look the same to the caller: no oracle.
            throw new InvalidCiphertextException("The ciphertext is invalid.");
        }
    }

    /** Convenience form over a whole ciphertext-and-tag array. */
    public static byte[] decrypt(AesKeyMaterial key, byte[] iv, byte[] aad, byte[] ciphertextAndTag) {
        if (iv.length != IV_LENGTH) {
            throw new IllegalArgumentException("the IV must be " + IV_LENGTH + " bytes");
        }
        return decrypt(key, iv, 0, aad, aad.length, new byte[0], ciphertextAndTag, 0, ciphertextAndTag.length);
    }
}
