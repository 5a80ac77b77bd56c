package dev.kmslab.engine.model;

import java.util.List;

/** ListKeys page; nextMarker is null when truncated is false. */
public record ListKeysResult(List<KeyListEntry> keys, String nextMarker, boolean truncated) {
}
