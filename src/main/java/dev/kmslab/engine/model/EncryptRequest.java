package dev.kmslab.engine.model;

import java.util.Map;

/**
 * Encrypt. keyId: key id, key ARN, alias name or alias ARN. plaintext 1–4096 bytes. encryptionContext optional;
 * encryptionAlgorithm null means SYMMETRIC_DEFAULT.
 */
public record EncryptRequest(String keyId, byte[] plaintext, Map<String, String> encryptionContext,
                             EncryptionAlgorithmSpec encryptionAlgorithm) {

    public static EncryptRequest of(String keyId, byte[] plaintext, Map<String, String> encryptionContext) {
        return new EncryptRequest(keyId, plaintext, encryptionContext, null);
    }

    @Override
    public String toString() {
        return "EncryptRequest[keyId=" + keyId + ", plaintext=<hidden " + (plaintext == null ? 0 : plaintext.length)
                + " bytes>, encryptionContext=" + encryptionContext + ", encryptionAlgorithm=" + encryptionAlgorithm
                + "]";
    }
}
