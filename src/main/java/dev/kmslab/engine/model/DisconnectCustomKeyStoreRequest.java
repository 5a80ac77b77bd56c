package dev.kmslab.engine.model;

/** DisconnectCustomKeyStore. */
public record DisconnectCustomKeyStoreRequest(String customKeyStoreId) {
}
