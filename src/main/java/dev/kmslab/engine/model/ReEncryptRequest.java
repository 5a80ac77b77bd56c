package dev.kmslab.engine.model;

import java.util.Map;

/**
 * ReEncrypt: decrypts under the source key and encrypts under the destination key without exposing the plaintext.
 * sourceKeyId optional (key id, key ARN, alias name or alias ARN); destinationKeyId required (same forms).
 */
public record ReEncryptRequest(byte[] ciphertextBlob, Map<String, String> sourceEncryptionContext, String sourceKeyId,
                               String destinationKeyId, Map<String, String> destinationEncryptionContext,
                               EncryptionAlgorithmSpec sourceEncryptionAlgorithm,
                               EncryptionAlgorithmSpec destinationEncryptionAlgorithm) {

    public static ReEncryptRequest of(byte[] ciphertextBlob, Map<String, String> sourceEncryptionContext,
                                      String destinationKeyId, Map<String, String> destinationEncryptionContext) {
        return new ReEncryptRequest(ciphertextBlob, sourceEncryptionContext, null, destinationKeyId,
                destinationEncryptionContext, null, null);
    }

    @Override
    public String toString() {
        return "ReEncryptRequest[sourceKeyId=" + sourceKeyId + ", destinationKeyId=" + destinationKeyId
                + ", ciphertextBlob=" + (ciphertextBlob == null ? 0 : ciphertextBlob.length) + " bytes]";
    }
}
