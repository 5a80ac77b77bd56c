package dev.kmslab.engine.error;

/** The key is disabled. */
public class DisabledException extends KmsException {

    public DisabledException(String message) {
        super(message);
    }
}
