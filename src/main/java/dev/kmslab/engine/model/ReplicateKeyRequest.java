package dev.kmslab.engine.model;

import java.util.List;

/**
 * ReplicateKey, sent to the primary key's Region. {@code replicaRegion} is required; a null {@code policy} gives the
 * replica the default key policy; {@code bypassPolicyLockoutSafetyCheck} null means false. The description and tags
 * belong to the replica only: AWS does not copy them from the primary.
 */
public record ReplicateKeyRequest(String keyId, String replicaRegion, String policy,
                                  Boolean bypassPolicyLockoutSafetyCheck, String description, List<Tag> tags) {

    /** A replica with the default key policy, no description and no tags. */
    public ReplicateKeyRequest(String keyId, String replicaRegion) {
        this(keyId, replicaRegion, null, null, null, null);
    }

    public boolean bypassLockoutCheck() {
        return Boolean.TRUE.equals(bypassPolicyLockoutSafetyCheck);
    }
}
