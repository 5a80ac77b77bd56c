package dev.kmslab.engine.error;

/** The import token is not valid for this key. */
public class InvalidImportTokenException extends KmsException {

    public InvalidImportTokenException(String message) {
        super(message);
    }
}
