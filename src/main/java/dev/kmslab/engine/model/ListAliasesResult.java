package dev.kmslab.engine.model;

import java.util.List;

/** ListAliases page. */
public record ListAliasesResult(List<AliasListEntry> aliases, String nextMarker, boolean truncated) {
}
