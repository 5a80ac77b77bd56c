package dev.kmslab.engine.crypto.pkcs11;

import dev.kmslab.engine.model.ConnectionErrorCode;

/**
 * Connecting to the token failed; the connection is now FAILED with {@link #errorCode()}, which the engine reports
 * as the custom key store's {@code ConnectionErrorCode}.
 */
public class TokenConnectException extends TokenException {

    private final ConnectionErrorCode errorCode;

    public TokenConnectException(String message, ConnectionErrorCode errorCode, Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
    }

    public ConnectionErrorCode errorCode() {
        return errorCode;
    }
}
