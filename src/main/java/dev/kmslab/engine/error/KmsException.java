package dev.kmslab.engine.error;

/**
 * Base of every error the engine reports, named after the AWS KMS exception it stands for so that what a learner
 * sees in the lab is what the AWS SDK would throw. Messages never contain key material or plaintext.
 */
public abstract class KmsException extends RuntimeException {

    protected KmsException(String message) {
        super(message);
    }

    protected KmsException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The AWS error code, e.g. {@code NotFoundException}; also the {@code __type} on the wire. */
    public String errorCode() {
        return getClass().getSimpleName();
    }

    /** True for faults of the caller's request (HTTP 400), false for the service's own faults (HTTP 500). */
    public boolean isClientError() {
        return true;
    }
}
