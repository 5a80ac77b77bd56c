package dev.kmslab.engine.model;

import java.util.Map;

/**
 * Decrypt. keyId is optional for symmetric keys (the blob names its key); if given it must identify that key.
 */
public record DecryptRequest(byte[] ciphertextBlob, Map<String, String> encryptionContext, String keyId,
                             EncryptionAlgorithmSpec encryptionAlgorithm) {

    public static DecryptRequest of(byte[] ciphertextBlob, Map<String, String> encryptionContext) {
        return new DecryptRequest(ciphertextBlob, encryptionContext, null, null);
    }

    @Override
    public String toString() {
        return "DecryptRequest[keyId=" + keyId + ", ciphertextBlob="
                + (ciphertextBlob == null ? 0 : ciphertextBlob.length) + " bytes, encryptionContext="
                + encryptionContext + "]";
    }
}
