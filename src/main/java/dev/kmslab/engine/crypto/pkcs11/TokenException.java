package dev.kmslab.engine.crypto.pkcs11;

/**
 * Base of the errors the PKCS#11 layer reports. These are not AWS error types: the engine maps each subclass to
 * the KMS exception that fits the operation it was running (see each subclass). Messages name the token and slot,
 * never a PIN, key material or plaintext.
 */
public abstract class TokenException extends RuntimeException {

    protected TokenException(String message) {
        super(message);
    }

    protected TokenException(String message, Throwable cause) {
        super(message, cause);
    }
}
