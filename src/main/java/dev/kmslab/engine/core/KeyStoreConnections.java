package dev.kmslab.engine.core;

import dev.kmslab.engine.crypto.pkcs11.HsmToken;
import dev.kmslab.engine.cks.TokenFactory;
import dev.kmslab.engine.model.ConnectionErrorCode;
import dev.kmslab.engine.model.ConnectionState;
import dev.kmslab.engine.crypto.pkcs11.PinSource;
import dev.kmslab.engine.crypto.pkcs11.TokenConnectException;
import dev.kmslab.engine.crypto.pkcs11.TokenException;
import dev.kmslab.engine.error.CustomKeyStoreInvalidStateException;
import dev.kmslab.engine.error.KMSInvalidStateException;
import dev.kmslab.engine.state.CustomKeyStoreRecord;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live side of the custom key stores: one token per store that has been connected. Connections are never
 * persisted, so an engine starts with every store DISCONNECTED; a store with no token here is DISCONNECTED.
 */
public final class KeyStoreConnections {

    private final TokenFactory factory;
    private final Map<String, HsmToken> tokens = new ConcurrentHashMap<>();

    public KeyStoreConnections(TokenFactory factory) {
        this.factory = factory;
    }

    public ConnectionState state(String storeId) {
        HsmToken token = tokens.get(storeId);
        return token == null ? ConnectionState.DISCONNECTED : token.state();
    }

    public Optional<ConnectionErrorCode> errorCode(String storeId) {
        HsmToken token = tokens.get(storeId);
        return token == null ? Optional.empty() : token.errorCode();
    }

    public boolean connected(String storeId) {
        return state(storeId) == ConnectionState.CONNECTED;
    }

    /**
     * ConnectCustomKeyStore: a no-op while CONNECTED, refused while FAILED or DISCONNECTING. A failed login is not an
     * error of the call, as in AWS: the store becomes FAILED and its ConnectionErrorCode says why.
     */
    public synchronized void connect(CustomKeyStoreRecord store) {
        HsmToken current = tokens.get(store.id());
        ConnectionState state = current == null ? ConnectionState.DISCONNECTED : current.state();
        if (state == ConnectionState.CONNECTED || state == ConnectionState.CONNECTING) {
            return;
        }
        if (state == ConnectionState.FAILED || state == ConnectionState.DISCONNECTING) {
            throw new CustomKeyStoreInvalidStateException("Custom key store " + store.id() + " is " + state
                    + ". To connect it, disconnect it first (DisconnectCustomKeyStore), then connect it again.");
        }
        // Each login reads a fresh copy of the stored PIN, which the login zeroes.
        HsmToken token = factory.create(store.id(), store.token(), PinSource.prompt(store::password));
        tokens.put(store.id(), token);
        try {
            token.connect();
        } catch (TokenConnectException e) {
            // The token is now FAILED with the error code; DescribeCustomKeyStores reports it.
        }
    }

    /** DisconnectCustomKeyStore: refused while DISCONNECTED; also clears a FAILED store. */
    public synchronized void disconnect(String storeId) {
        HsmToken token = tokens.get(storeId);
        if (token == null || token.state() == ConnectionState.DISCONNECTED
                || token.state() == ConnectionState.DISCONNECTING) {
            throw new CustomKeyStoreInvalidStateException("Custom key store " + storeId + " is "
                    + state(storeId) + ", so it cannot be disconnected.");
        }
        try {
            token.disconnect();
        } catch (TokenException e) {
            // A failed logout still ends this store's use of the token: the token is dropped either way.
        } finally {
            tokens.remove(storeId);
        }
    }

    /** Logs out of every token; for shutting the engine down (stores come back DISCONNECTED on the next start). */
    public synchronized void disconnectAll() {
        for (String storeId : java.util.List.copyOf(tokens.keySet())) {
            if (state(storeId) != ConnectionState.DISCONNECTED) {
                disconnect(storeId);
            }
            tokens.remove(storeId);
        }
    }

    /** The store's token for a key operation; a store that disconnected meanwhile makes the key Unavailable. */
    public HsmToken connectedToken(String storeId, String keyArn) {
        HsmToken token = tokens.get(storeId);
        if (token == null || token.state() != ConnectionState.CONNECTED) {
            throw new KMSInvalidStateException(keyArn + " is unavailable: its custom key store is not connected.");
        }
        return token;
    }

    /** The token of a CONNECTED store, or empty; for best-effort clean-up of token objects. */
    public Optional<HsmToken> ifConnected(String storeId) {
        HsmToken token = tokens.get(storeId);
        return token != null && token.state() == ConnectionState.CONNECTED ? Optional.of(token) : Optional.empty();
    }
}
