package dev.kmslab.engine.model;

import java.util.Map;

/** GenerateDataKey and GenerateDataKeyWithoutPlaintext: exactly one of numberOfBytes (1–1024) and keySpec. */
public record GenerateDataKeyRequest(String keyId, Map<String, String> encryptionContext, Integer numberOfBytes,
                                     DataKeySpec keySpec) {

    public static GenerateDataKeyRequest aes256(String keyId, Map<String, String> encryptionContext) {
        return new GenerateDataKeyRequest(keyId, encryptionContext, null, DataKeySpec.AES_256);
    }
}
