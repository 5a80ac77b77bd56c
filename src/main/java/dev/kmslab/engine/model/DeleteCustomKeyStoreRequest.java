package dev.kmslab.engine.model;

/** DeleteCustomKeyStore. */
public record DeleteCustomKeyStoreRequest(String customKeyStoreId) {
}
