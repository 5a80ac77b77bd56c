package dev.kmslab.engine.model;

/** ImportKeyMaterial: the key ARN and the id of the imported material (derived from the key id and material). */
public record ImportKeyMaterialResult(String keyId, String keyMaterialId) {
}
