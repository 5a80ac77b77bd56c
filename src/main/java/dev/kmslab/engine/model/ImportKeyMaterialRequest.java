package dev.kmslab.engine.model;

import java.time.Instant;

/**
 * ImportKeyMaterial. expirationModel null means KEY_MATERIAL_EXPIRES (the AWS default), which requires validTo
 * (in the future, at most 365 days ahead); KEY_MATERIAL_DOES_NOT_EXPIRE requires validTo to be null.
 */
public record ImportKeyMaterialRequest(String keyId, byte[] importToken, byte[] encryptedKeyMaterial,
                                       Instant validTo, ExpirationModelType expirationModel) {

    public static ImportKeyMaterialRequest withoutExpiry(String keyId, byte[] importToken, byte[] wrapped) {
        return new ImportKeyMaterialRequest(keyId, importToken, wrapped, null,
                ExpirationModelType.KEY_MATERIAL_DOES_NOT_EXPIRE);
    }

    @Override
    public String toString() {
        return "ImportKeyMaterialRequest[keyId=" + keyId + ", validTo=" + validTo + ", " + expirationModel + "]";
    }
}
