package dev.kmslab.engine.crypto.pkcs11;

import dev.kmslab.engine.model.ConnectionState;

/**
 * The token connection's state does not allow the request, for example connecting while FAILED (AWS requires a
 * disconnect first) or disconnecting while already DISCONNECTED. The engine maps it to
 * {@code CustomKeyStoreInvalidStateException}.
 */
public class TokenStateException extends TokenException {

    private final ConnectionState state;

    public TokenStateException(String message, ConnectionState state) {
        super(message);
        this.state = state;
    }

    /** The connection state at the time of the request. */
    public ConnectionState state() {
        return state;
    }
}
