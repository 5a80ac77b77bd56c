package dev.kmslab.engine.model;

import java.util.Map;

/**
 * GenerateDataKeyPair(WithoutPlaintext). keyId names the SYMMETRIC encryption key that encrypts the private key;
 * keyPairSpec is required; encryptionContext optional.
 */
public record GenerateDataKeyPairRequest(Map<String, String> encryptionContext, String keyId,
                                         DataKeyPairSpec keyPairSpec) {

    public static GenerateDataKeyPairRequest of(String keyId, DataKeyPairSpec spec) {
        return new GenerateDataKeyPairRequest(null, keyId, spec);
    }
}
