package dev.kmslab.engine.model;

/**
 * GenerateRandom; numberOfBytes 1–1024. With {@code customKeyStoreId} the bytes come from that store's token, which
 * must be CONNECTED.
 */
public record GenerateRandomRequest(Integer numberOfBytes, String customKeyStoreId) {

    /** Random bytes from KMS itself. */
    public GenerateRandomRequest(Integer numberOfBytes) {
        this(numberOfBytes, null);
    }
}
