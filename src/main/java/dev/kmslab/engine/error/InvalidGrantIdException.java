package dev.kmslab.engine.error;

/** The grant id is not valid. */
public class InvalidGrantIdException extends KmsException {

    public InvalidGrantIdException(String message) {
        super(message);
    }
}
