package dev.kmslab.engine.model;

/** ConnectCustomKeyStore. */
public record ConnectCustomKeyStoreRequest(String customKeyStoreId) {
}
