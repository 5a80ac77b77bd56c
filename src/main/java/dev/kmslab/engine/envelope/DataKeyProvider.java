package dev.kmslab.engine.envelope;

import java.util.Map;

/**
 * The KMS side of envelope encryption: where data keys come from and how their encrypted copies are opened again.
 * The engine (or a real AWS KMS client) implements it; the envelope code depends on nothing else.
 */
public interface DataKeyProvider {

    /**
     * GenerateDataKey with KeySpec AES_256: a fresh 256-bit data key in plaintext and encrypted under {@code keyId}.
     *
     * @param keyId             key id, key ARN, alias name or alias ARN, as KMS accepts
     * @param encryptionContext bound to the encrypted data key; the same context is needed to decrypt it
     */
    GeneratedDataKey generateDataKey(String keyId, Map<String, String> encryptionContext);

    /**
     * Decrypt of an encrypted data key. Implementations throw
     * {@link dev.kmslab.engine.error.InvalidCiphertextException} when the blob or the context does not match, as KMS
     * does. The caller zeroes the returned array.
     */
    byte[] decryptDataKey(byte[] encryptedDataKey, Map<String, String> encryptionContext);

    /**
     * Decrypt of an encrypted data key that must have been made under {@code keyArn} (Decrypt with a KeyId, as the
     * AWS Encryption SDK's KMS master keys call it): a blob of another key fails. The default ignores the key and
     * relies on the blob naming its own; the engine checks it.
     */
    default byte[] decryptDataKey(byte[] encryptedDataKey, Map<String, String> encryptionContext, String keyArn) {
        return decryptDataKey(encryptedDataKey, encryptionContext);
    }

    /**
     * Encrypt of an existing data key under another KMS key, for a message encrypted under several keys (each gets
     * its own encrypted copy of the one data key).
     *
     * @return the encrypted copy and the ARN of the key that encrypted it
     */
    default GeneratedDataKey encryptDataKey(String keyId, byte[] plaintextDataKey,
            Map<String, String> encryptionContext) {
        throw new java.lang.UnsupportedOperationException("This data key provider cannot encrypt under a second key");
    }
}
