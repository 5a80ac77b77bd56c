package dev.kmslab.engine.error;

/** The request conflicts with the resource's current state (for example a rotation already in progress). */
public class ConflictException extends KmsException {

    public ConflictException(String message) {
        super(message);
    }
}
