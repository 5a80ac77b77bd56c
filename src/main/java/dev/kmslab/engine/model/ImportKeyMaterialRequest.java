package dev.kmslab.engine.model;

import java.time.Instant;

/**
 * ImportKeyMaterial. expirationModel null means KEY_MATERIAL_EXPIRES (the AWS default), which requires validTo
 * (in the future, at most 365 days ahead); KEY_MATERIAL_DOES_NOT_EXPIRE requires validTo to be null.
 *
 * @param importType             null means EXISTING_KEY_MATERIAL; NEW_KEY_MATERIAL only for symmetric keys
 * @param keyMaterialDescription optional label for the material (symmetric keys), at most 256 characters
 * @param keyMaterialId          optional: the id the re-imported material must have (EXISTING_KEY_MATERIAL only)
 */
public record ImportKeyMaterialRequest(String keyId, byte[] importToken, byte[] encryptedKeyMaterial,
                                       Instant validTo, ExpirationModelType expirationModel, ImportType importType,
                                       String keyMaterialDescription, String keyMaterialId) {

    /** The request as it was before ImportType: imports or re-imports the key's existing material. */
    public ImportKeyMaterialRequest(String keyId, byte[] importToken, byte[] encryptedKeyMaterial, Instant validTo,
                                    ExpirationModelType expirationModel) {
        this(keyId, importToken, encryptedKeyMaterial, validTo, expirationModel, null, null, null);
    }

    public static ImportKeyMaterialRequest withoutExpiry(String keyId, byte[] importToken, byte[] wrapped) {
        return new ImportKeyMaterialRequest(keyId, importToken, wrapped, null,
                ExpirationModelType.KEY_MATERIAL_DOES_NOT_EXPIRE);
    }

    /** Material that does not expire, imported as NEW_KEY_MATERIAL for the next on-demand rotation. */
    public static ImportKeyMaterialRequest newMaterial(String keyId, byte[] importToken, byte[] wrapped,
                                                       String description) {
        return new ImportKeyMaterialRequest(keyId, importToken, wrapped, null,
                ExpirationModelType.KEY_MATERIAL_DOES_NOT_EXPIRE, ImportType.NEW_KEY_MATERIAL, description, null);
    }

    @Override
    public String toString() {
        return "ImportKeyMaterialRequest[keyId=" + keyId + ", validTo=" + validTo + ", " + expirationModel + ", "
                + importType + ", keyMaterialId=" + keyMaterialId + "]";
    }
}
