package dev.kmslab.engine.model;

import java.util.List;

/** ReplicateKey: the new replica's metadata (in its own Region), its key policy text and its tags. */
public record ReplicateKeyResult(KeyMetadata replicaKeyMetadata, String replicaPolicy, List<Tag> replicaTags) {

    public ReplicateKeyResult {
        replicaTags = List.copyOf(replicaTags);
    }
}
