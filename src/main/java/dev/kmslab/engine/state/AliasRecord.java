package dev.kmslab.engine.state;

import java.time.Instant;

/** An alias and the key id it points to. */
public record AliasRecord(String aliasName, String targetKeyId, Instant creationDate, Instant lastUpdatedDate) {
}
