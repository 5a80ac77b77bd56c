package dev.kmslab.engine.model;

import java.time.Instant;

/** One alias in a ListAliases page. */
public record AliasListEntry(String aliasName, String aliasArn, String targetKeyId, Instant creationDate,
                             Instant lastUpdatedDate) {
}
