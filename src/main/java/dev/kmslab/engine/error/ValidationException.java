package dev.kmslab.engine.error;

/** A request parameter is missing, malformed or out of range. */
public class ValidationException extends KmsException {

    public ValidationException(String message) {
        super(message);
    }
}
