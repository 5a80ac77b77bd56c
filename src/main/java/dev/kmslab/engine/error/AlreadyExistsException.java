package dev.kmslab.engine.error;

/** An alias or other named resource already exists. */
public class AlreadyExistsException extends KmsException {

    public AlreadyExistsException(String message) {
        super(message);
    }
}
