package dev.kmslab.engine.model;

import java.util.Arrays;

/**
 * Decrypt. {@link #plaintext()} returns the engine's only copy (not a clone) so the caller can wipe it with
 * {@link #destroyPlaintext()} once used. keyId is the key ARN.
 */
public record DecryptResult(String keyId, byte[] plaintext, EncryptionAlgorithmSpec encryptionAlgorithm) {

    /** Overwrites the plaintext with zeros. */
    public void destroyPlaintext() {
        Arrays.fill(plaintext, (byte) 0);
    }

    @Override
    public String toString() {
        return "DecryptResult[keyId=" + keyId + ", plaintext=<hidden>, encryptionAlgorithm=" + encryptionAlgorithm
                + "]";
    }
}
