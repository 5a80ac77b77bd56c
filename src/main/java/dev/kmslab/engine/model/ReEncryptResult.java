package dev.kmslab.engine.model;

/** ReEncrypt: sourceKeyId and keyId are key ARNs. */
public record ReEncryptResult(byte[] ciphertextBlob, String sourceKeyId, String keyId,
                              EncryptionAlgorithmSpec sourceEncryptionAlgorithm,
                              EncryptionAlgorithmSpec destinationEncryptionAlgorithm) {

    @Override
    public String toString() {
        return "ReEncryptResult[sourceKeyId=" + sourceKeyId + ", keyId=" + keyId + ", ciphertextBlob="
                + ciphertextBlob.length + " bytes]";
    }
}
