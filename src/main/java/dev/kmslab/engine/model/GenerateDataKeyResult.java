package dev.kmslab.engine.model;

import java.util.Arrays;

/**
 * GenerateDataKey. {@link #plaintext()} is the engine's only copy of the data key (not a clone): use it, then wipe
 * it with {@link #destroyPlaintext()}. keyId is the key ARN.
 */
public record GenerateDataKeyResult(byte[] ciphertextBlob, byte[] plaintext, String keyId) {

    /** Overwrites the plaintext data key with zeros. */
    public void destroyPlaintext() {
        Arrays.fill(plaintext, (byte) 0);
    }

    @Override
    public String toString() {
        return "GenerateDataKeyResult[keyId=" + keyId + ", ciphertextBlob=" + ciphertextBlob.length
                + " bytes, plaintext=<hidden>]";
    }
}
