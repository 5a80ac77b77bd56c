package dev.kmslab.engine.error;

/** Imported key material does not match the key's earlier material. */
public class IncorrectKeyMaterialException extends KmsException {

    public IncorrectKeyMaterialException(String message) {
        super(message);
    }
}
