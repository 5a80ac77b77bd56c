package dev.kmslab.engine.model;

/** Whether imported key material expires (ImportKeyMaterial ExpirationModel). Constant names are the AWS wire values. */
public enum ExpirationModelType {
    KEY_MATERIAL_EXPIRES, KEY_MATERIAL_DOES_NOT_EXPIRE
}
