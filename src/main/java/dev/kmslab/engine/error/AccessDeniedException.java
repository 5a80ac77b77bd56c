package dev.kmslab.engine.error;

/** The caller is not authorised to perform the operation on the resource. */
public class AccessDeniedException extends KmsException {

    public AccessDeniedException(String message) {
        super(message);
    }
}
