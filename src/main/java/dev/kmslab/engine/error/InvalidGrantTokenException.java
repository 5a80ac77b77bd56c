package dev.kmslab.engine.error;

/** A grant token is malformed or expired. */
public class InvalidGrantTokenException extends KmsException {

    public InvalidGrantTokenException(String message) {
        super(message);
    }
}
