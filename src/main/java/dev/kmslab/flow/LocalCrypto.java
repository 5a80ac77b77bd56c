package dev.kmslab.flow;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The client's own cryptography in a flow: AES-256-GCM with a data key, done for real with the JDK, as an application
 * or an AWS service does it outside KMS. A random 96-bit IV per message; the 128-bit tag follows the ciphertext.
 */
public final class LocalCrypto {

    public static final int IV_BYTES = 12;
    public static final int KEY_BYTES = 32;
    private static final int TAG_BITS = 128;

    private final SecureRandom random;

    public LocalCrypto(SecureRandom random) {
        this.random = random;
    }

    public byte[] newIv() {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        return iv;
    }

    /** 256 fresh random bits, as a client generates key material of its own (for example to import into KMS). */
    public byte[] newKey() {
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        return key;
    }

    public static byte[] encrypt(byte[] key, byte[] iv, byte[] plaintext, byte[] aad) {
        return run(Cipher.ENCRYPT_MODE, key, iv, plaintext, aad);
    }

    /** @throws IllegalArgumentException if the tag does not verify (wrong key, IV, data or additional data) */
    public static byte[] decrypt(byte[] key, byte[] iv, byte[] ciphertext, byte[] aad) {
        return run(Cipher.DECRYPT_MODE, key, iv, ciphertext, aad);
    }

    private static byte[] run(int mode, byte[] key, byte[] iv, byte[] input, byte[] aad) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
            if (aad.length > 0) {
                cipher.updateAAD(aad);
            }
            return cipher.doFinal(input);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new IllegalArgumentException("AES-GCM authentication failed", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JDK", e);
        }
    }
}
