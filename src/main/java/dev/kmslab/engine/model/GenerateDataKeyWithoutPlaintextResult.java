package dev.kmslab.engine.model;

/** GenerateDataKeyWithoutPlaintext: only the encrypted data key; keyId is the key ARN. */
public record GenerateDataKeyWithoutPlaintextResult(byte[] ciphertextBlob, String keyId) {

    @Override
    public String toString() {
        return "GenerateDataKeyWithoutPlaintextResult[keyId=" + keyId + ", ciphertextBlob=" + ciphertextBlob.length
                + " bytes]";
    }
}
