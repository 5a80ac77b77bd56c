package dev.kmslab.engine.model;

/**
 * DeleteImportedKeyMaterial: an EXTERNAL key (key id or key ARN) and, optionally, which of its key materials to
 * delete; without one the current key material is deleted.
 */
public record DeleteImportedKeyMaterialRequest(String keyId, String keyMaterialId) {

    /** Deletes the key's current key material. */
    public DeleteImportedKeyMaterialRequest(String keyId) {
        this(keyId, null);
    }
}
