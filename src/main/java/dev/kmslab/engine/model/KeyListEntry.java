package dev.kmslab.engine.model;

/** One key in a ListKeys page. */
public record KeyListEntry(String keyId, String keyArn) {
}
