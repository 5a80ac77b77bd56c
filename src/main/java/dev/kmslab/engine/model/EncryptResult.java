package dev.kmslab.engine.model;

/** Encrypt: the blob and the ARN of the key that encrypted it. */
public record EncryptResult(byte[] ciphertextBlob, String keyId, EncryptionAlgorithmSpec encryptionAlgorithm) {

    @Override
    public String toString() {
        return "EncryptResult[keyId=" + keyId + ", ciphertextBlob=" + ciphertextBlob.length + " bytes, "
                + "encryptionAlgorithm=" + encryptionAlgorithm + "]";
    }
}
