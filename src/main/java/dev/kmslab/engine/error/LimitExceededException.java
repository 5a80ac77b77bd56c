package dev.kmslab.engine.error;

/** A quota would be exceeded. */
public class LimitExceededException extends KmsException {

    public LimitExceededException(String message) {
        super(message);
    }
}
