package dev.kmslab.engine.envelope;

import dev.kmslab.engine.error.InvalidCiphertextException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A stand-in for KMS: wraps data keys with AES-256-GCM under one wrapping key, binding the canonical encryption
 * context as additional data, so a different context fails as it would in KMS. Remembers every plaintext key it
 * handed out so tests can check that the caller zeroed them. Also used by the envelope benchmark.
 */
public final class FakeDataKeyProvider implements DataKeyProvider {

    public static final String ARN_PREFIX = "arn:aws:kms:us-east-1:111122223333:key/";

    private final SecureRandom random = new SecureRandom();
    private final SecretKeySpec wrappingKey;
    private final List<byte[]> handedOut = Collections.synchronizedList(new ArrayList<>());
    private int keyBytes = 32;

    public FakeDataKeyProvider() {
        byte[] key = new byte[32];
        random.nextBytes(key);
        wrappingKey = new SecretKeySpec(key, "AES");
    }

    /** Makes the provider return keys of another length, to test that the encryptor insists on AES_256. */
    FakeDataKeyProvider withKeyBytes(int bytes) {
        keyBytes = bytes;
        return this;
    }

    @Override
    public GeneratedDataKey generateDataKey(String keyId, Map<String, String> encryptionContext) {
        byte[] plaintext = new byte[keyBytes];
        random.nextBytes(plaintext);
        byte[] iv = new byte[12];
        random.nextBytes(iv);
        byte[] wrapped = crypt(Cipher.ENCRYPT_MODE, iv, plaintext, encryptionContext);
        byte[] blob = new byte[12 + wrapped.length];
        System.arraycopy(iv, 0, blob, 0, 12);
        System.arraycopy(wrapped, 0, blob, 12, wrapped.length);
        handedOut.add(plaintext);
        return new GeneratedDataKey(plaintext, blob, ARN_PREFIX + keyId);
    }

    @Override
    public byte[] decryptDataKey(byte[] encryptedDataKey, Map<String, String> encryptionContext) {
        if (encryptedDataKey.length < 12 + 16) {
            throw new InvalidCiphertextException("The ciphertext is invalid");
        }
        byte[] plaintext = crypt(Cipher.DECRYPT_MODE, Arrays.copyOf(encryptedDataKey, 12),
                Arrays.copyOfRange(encryptedDataKey, 12, encryptedDataKey.length), encryptionContext);
        handedOut.add(plaintext);
        return plaintext;
    }

    /** Every plaintext data key returned so far (the live arrays, to check they were zeroed). */
    List<byte[]> handedOut() {
        return handedOut;
    }

    private byte[] crypt(int mode, byte[] iv, byte[] input, Map<String, String> context) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, wrappingKey, new GCMParameterSpec(128, iv));
            cipher.updateAAD(EnvelopeHeaderContextCodec.encode(context));
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            throw new InvalidCiphertextException("The ciphertext is invalid or the encryption context does not match");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
