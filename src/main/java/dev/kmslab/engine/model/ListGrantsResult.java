package dev.kmslab.engine.model;

import java.util.List;

/** A page of ListGrants or ListRetirableGrants; nextMarker is null when truncated is false. */
public record ListGrantsResult(List<GrantListEntry> grants, String nextMarker, boolean truncated) {
}
