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
}
