package dev.kmslab.engine.model;

/** The id of the new custom key store, {@code cks-} and 17 hex digits. */
public record CreateCustomKeyStoreResult(String customKeyStoreId) {
}
