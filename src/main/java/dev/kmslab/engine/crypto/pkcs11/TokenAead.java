package dev.kmslab.engine.crypto.pkcs11;

import dev.kmslab.engine.error.InvalidCiphertextException;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.ProviderException;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-GCM computed by the token (mechanism CKM_AES_GCM) under a token key: 12-byte IV supplied by the caller,
 * 128-bit tag appended to the ciphertext, optional additional authenticated data. The key never leaves the token;
 * only data crosses the PKCS#11 boundary.
 *
 * <p>Ciphertext layout: {@code encrypted data (same length as the plaintext) || tag (16 bytes)}. The IV is not part
 * of it; the caller stores it beside the ciphertext.
 */
final class TokenAead {

    static final int IV_BYTES = 12;
    static final int TAG_BYTES = 16;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final Provider provider;
    private final TokenIdentity token;

    TokenAead(Provider provider, TokenIdentity token) {
        this.provider = provider;
        this.token = token;
    }

    byte[] encrypt(SecretKey key, byte[] iv, byte[] plaintext, byte[] aad) {
        try {
            return cipher(Cipher.ENCRYPT_MODE, key, iv, aad).doFinal(plaintext);
        } catch (GeneralSecurityException | ProviderException e) {
            throw new TokenOperationException("AES-GCM encryption in " + token.describe() + " failed", e);
        }
    }

    byte[] decrypt(SecretKey key, byte[] iv, byte[] ciphertext, byte[] aad) {
        if (ciphertext.length < TAG_BYTES) {
            throw new InvalidCiphertextException("The ciphertext is too short to hold an authentication tag");
        }
        Cipher cipher;
        try {
            cipher = cipher(Cipher.DECRYPT_MODE, key, iv, aad);
        } catch (GeneralSecurityException | ProviderException e) {
            throw new TokenOperationException("AES-GCM decryption in " + token.describe() + " failed", e);
        }
        try {
            return cipher.doFinal(ciphertext);
        } catch (BadPaddingException | IllegalBlockSizeException e) {
            // AEADBadTagException is a BadPaddingException. One message for every authentication failure: it
            // must not say which part (data, tag, IV or AAD) was wrong.
            throw new InvalidCiphertextException("The ciphertext or its additional authenticated data is not valid");
        } catch (ProviderException e) {
            throw new TokenOperationException("AES-GCM decryption in " + token.describe() + " failed", e);
        }
    }

    private Cipher cipher(int mode, SecretKey key, byte[] iv, byte[] aad) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION, provider);
        cipher.init(mode, key, new GCMParameterSpec(TAG_BYTES * 8, iv));
        if (aad.length > 0) {
            cipher.updateAAD(aad);
        }
        return cipher;
    }
}
