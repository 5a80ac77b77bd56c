package dev.kmslab.ui.keylab.keystores;

import dev.kmslab.engine.model.ConnectionState;
import dev.kmslab.engine.model.CustomKeyStoresListEntry;

/** One custom key store as the panel lists it. */
public record StoreRow(CustomKeyStoresListEntry store) {

    public String id() {
        return store.customKeyStoreId();
    }

    public String name() {
        return store.customKeyStoreName();
    }

    public ConnectionState state() {
        return store.connectionState();
    }

    /** The state chip's text: the AWS ConnectionState, with the ConnectionErrorCode when FAILED. */
    public String stateText() {
        return store.connectionErrorCode() == null ? state().name()
                : state().name() + " (" + store.connectionErrorCode() + ")";
    }

    /** Which token stands in for the CloudHSM cluster, marked when it is the in-memory simulation. */
    public String tokenText() {
        return store.slot() + " of " + store.moduleLibrary() + (store.simulatedToken() ? " — simulated token" : "");
    }

    public boolean canConnect() {
        return state() == ConnectionState.DISCONNECTED;
    }

    /** Disconnect also clears a FAILED store, as in AWS. */
    public boolean canDisconnect() {
        return state() == ConnectionState.CONNECTED || state() == ConnectionState.FAILED;
    }

    /** Only a disconnected store can be deleted; one that still holds keys is refused by the engine, as in AWS. */
    public boolean canDelete() {
        return state() == ConnectionState.DISCONNECTED;
    }
}
