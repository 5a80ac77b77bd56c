package dev.kmslab.engine.model;

/**
 * ImportKeyMaterial ImportType. EXISTING_KEY_MATERIAL (the default) re-imports material already associated with the
 * key (or imports a new key's first material); NEW_KEY_MATERIAL adds material to a symmetric key for its next
 * on-demand rotation. Constant names are the AWS wire values.
 */
public enum ImportType {
    NEW_KEY_MATERIAL, EXISTING_KEY_MATERIAL
}
