package dev.kmslab.engine.model;

/** The connection states of an AWS custom key store, applied to a PKCS#11 token session. */
public enum ConnectionState {
    /** Logged in to the token; keys can be created and used. */
    CONNECTED,
    /** A connect is in progress (configuring the provider, logging in). */
    CONNECTING,
    /** Not logged in; the initial state and the state after a disconnect. */
    DISCONNECTED,
    /** A disconnect is in progress (logging out, releasing the provider). */
    DISCONNECTING,
    /** The last connect failed; {@link Pkcs11Token#errorCode()} says why. Disconnect before connecting again. */
    FAILED
}
