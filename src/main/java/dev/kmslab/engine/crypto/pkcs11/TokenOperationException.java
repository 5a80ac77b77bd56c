package dev.kmslab.engine.crypto.pkcs11;

/**
 * The token failed an operation for a reason that is not the caller's (a device error, an unsupported mechanism,
 * a duplicate label). The engine maps it to {@code KMSInternalException}.
 */
public class TokenOperationException extends TokenException {

    public TokenOperationException(String message) {
        super(message);
    }

    public TokenOperationException(String message, Throwable cause) {
        super(message, cause);
    }
}
