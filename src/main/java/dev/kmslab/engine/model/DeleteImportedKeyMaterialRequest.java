package dev.kmslab.engine.model;

/** DeleteImportedKeyMaterial: an EXTERNAL key (key id or key ARN). */
public record DeleteImportedKeyMaterialRequest(String keyId) {
}
