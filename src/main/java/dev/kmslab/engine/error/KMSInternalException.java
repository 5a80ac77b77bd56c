package dev.kmslab.engine.error;

/** The engine itself failed (for example storage could not be written); not the caller's fault. */
public class KMSInternalException extends KmsException {

    public KMSInternalException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean isClientError() {
        return false;
    }
}
