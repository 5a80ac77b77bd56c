package dev.kmslab.engine.error;

/** A signature did not verify. */
public class KMSInvalidSignatureException extends KmsException {

    public KMSInvalidSignatureException(String message) {
        super(message);
    }
}
