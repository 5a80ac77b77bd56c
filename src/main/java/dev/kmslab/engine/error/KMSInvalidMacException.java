package dev.kmslab.engine.error;

/** An HMAC did not verify. */
public class KMSInvalidMacException extends KmsException {

    public KMSInvalidMacException(String message) {
        super(message);
    }
}
