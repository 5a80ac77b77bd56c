package dev.kmslab.engine.model;

/** CreateKey: the new key. */
public record CreateKeyResult(KeyMetadata keyMetadata) {
}
