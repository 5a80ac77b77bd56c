package dev.kmslab.engine.model;

/** DeleteImportedKeyMaterial: the key ARN and the id of the material that was deleted. */
public record DeleteImportedKeyMaterialResult(String keyId, String keyMaterialId) {
}
