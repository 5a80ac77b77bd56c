package dev.kmslab.engine.crypto.pkcs11;

import dev.kmslab.engine.model.ConnectionState;

/**
 * A key or crypto operation was requested while the token is not CONNECTED. The engine maps it to
 * {@code KMSInvalidStateException} for Encrypt, Decrypt and GenerateDataKey on a key in the store, and to
 * {@code CustomKeyStoreInvalidStateException} for CreateKey and GenerateRandom against the store, as AWS does.
 */
public class TokenNotConnectedException extends TokenStateException {

    public TokenNotConnectedException(String message, ConnectionState state) {
        super(message, state);
    }
}
