package dev.kmslab.engine.error;

/** A parameter that must be an ARN is not a valid one. */
public class InvalidArnException extends KmsException {

    public InvalidArnException(String message) {
        super(message);
    }
}
