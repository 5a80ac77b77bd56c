package dev.kmslab.engine.model;

import java.time.Instant;

/**
 * GetParametersForImport: the wrapping public key (DER SubjectPublicKeyInfo) and the import token that go together,
 * valid until {@code parametersValidTo} (24 hours of engine time). keyId is the key ARN.
 */
public record GetParametersForImportResult(String keyId, byte[] importToken, byte[] publicKey,
                                           Instant parametersValidTo) {

    public GetParametersForImportResult {
        importToken = importToken.clone();
        publicKey = publicKey.clone();
    }

    @Override
    public byte[] importToken() {
        return importToken.clone();
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public String toString() {
        return "GetParametersForImportResult[keyId=" + keyId + ", parametersValidTo=" + parametersValidTo + "]";
    }
}
