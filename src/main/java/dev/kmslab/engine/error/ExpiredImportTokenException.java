package dev.kmslab.engine.error;

/** The import token has expired. */
public class ExpiredImportTokenException extends KmsException {

    public ExpiredImportTokenException(String message) {
        super(message);
    }
}
