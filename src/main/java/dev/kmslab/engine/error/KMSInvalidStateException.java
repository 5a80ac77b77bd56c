package dev.kmslab.engine.error;

/** The key's state does not allow the operation (for example PendingDeletion or PendingImport). */
public class KMSInvalidStateException extends KmsException {

    public KMSInvalidStateException(String message) {
        super(message);
    }
}
