package dev.kmslab.engine.core;

import dev.kmslab.engine.model.KeyState;
import dev.kmslab.engine.model.MultiRegionConfiguration;
import dev.kmslab.engine.model.MultiRegionKey;
import dev.kmslab.engine.model.MultiRegionKeyType;
import dev.kmslab.engine.state.EngineState;
import dev.kmslab.engine.state.KeyRecord;
import dev.kmslab.engine.state.KeyVersion;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Multi-Region key identity and the properties related keys share. A multi-Region key id is {@code mrk-} followed by
 * 32 hex digits, and the prefix is what marks a key as multi-Region (AWS uses the same rule). Each Region's state
 * records only whether its copy is a replica; the primary and the replicas are found by asking the related Regions,
 * so there is no second copy of the relationship to drift.
 *
 * <p>Shared properties (AWS: key id, key material, key spec, usage, origin and automatic rotation) live with the
 * primary; a replica keeps its own copy of the backing-key ring, brought up to date whenever the primary rotates
 * ({@link #syncReplicas}). A replica's own rotation schedule stays off, so only the primary's schedule fires.
 */
public final class MultiRegionKeys {

    private MultiRegionKeys() {
    }

    /** DescribeKey's MultiRegionConfiguration for {@code key} held in {@code state}, or null for a single-Region key. */
    public static MultiRegionConfiguration configuration(EngineCore core, EngineState state, KeyRecord key) {
        if (!MultiRegionKeyIds.isMultiRegion(key.keyId())) {
            return null;
        }
        MultiRegionKey primary = null;
        List<MultiRegionKey> replicas = new ArrayList<>();
        for (EngineCore peer : core.peers().all()) {
            EngineState peerState = peer.store.current();
            KeyRecord related = peerState == null ? null : peerState.keys().get(key.keyId());
            if (related == null) {
                continue;
            }
            MultiRegionKey ref = new MultiRegionKey(related.arn(), peerState.region());
            if (peerState.isReplica(key.keyId())) {
                replicas.add(ref);
            } else {
                primary = ref;
            }
        }
        replicas.sort(Comparator.comparing(MultiRegionKey::region));
        MultiRegionKeyType type = state.isReplica(key.keyId()) ? MultiRegionKeyType.REPLICA
                : MultiRegionKeyType.PRIMARY;
        return new MultiRegionConfiguration(type, primary, replicas);
    }

    /** The Region (its core) holding the primary of {@code keyId}, or null if no linked Region holds it. */
    public static EngineCore primaryEngine(EngineCore core, String keyId) {
        for (EngineCore peer : core.peers().all()) {
            EngineState peerState = peer.store.current();
            if (peerState.keys().containsKey(keyId) && !peerState.isReplica(keyId)) {
                return peer;
            }
        }
        return null;
    }

    /** The Regions (their cores) holding a replica of {@code keyId}. */
    public static List<EngineCore> replicaEngines(EngineCore core, String keyId) {
        List<EngineCore> out = new ArrayList<>();
        for (EngineCore peer : core.peers().all()) {
            EngineState peerState = peer.store.current();
            if (peerState.keys().containsKey(keyId) && peerState.isReplica(keyId)) {
                out.add(peer);
            }
        }
        return out;
    }

    /**
     * Copies backing keys the primary has and a replica lacks to every replica. Runs after the primary's own change
     * is saved, never inside it, so no two Regions' locks are ever held together; copying is idempotent, so a
     * replica that missed a rotation catches up at the next one.
     */
    public static void syncReplicas(EngineCore core, String keyId) {
        EngineCore primaryEngine = primaryEngine(core, keyId);
        if (primaryEngine == null || !MultiRegionKeyIds.isMultiRegion(keyId)) {
            return;
        }
        for (EngineCore replicaEngine : replicaEngines(core, keyId)) {
            replicaEngine.store.mutate(state -> {
                KeyRecord primary = primaryEngine.store.current().keys().get(keyId);
                KeyRecord replica = state.keys().get(keyId);
                if (primary == null || replica == null || replica.versions().size() >= primary.versions().size()) {
                    return new StateStore.Change<>(state, null);
                }
                KeyRecord updated = replica;
                for (KeyVersion version : primary.versions().subList(replica.versions().size(),
                        primary.versions().size())) {
                    updated = updated.withNewVersion(version, false);
                }
                return new StateStore.Change<>(state.withKey(updated), null);
            });
        }
    }

    /**
     * After a replica's deletion completed at {@code at}: if its primary waits in PendingReplicaDeletion and no
     * replica is left, the primary's own waiting period starts now and it becomes PendingDeletion, as the
     * ScheduleKeyDeletion reference describes.
     */
    public static void replicaDeleted(EngineCore core, String keyId, Instant at) {
        EngineCore primaryEngine = primaryEngine(core, keyId);
        if (primaryEngine == null || !replicaEngines(core, keyId).isEmpty()) {
            return;
        }
        primaryEngine.store.mutate(state -> {
            KeyRecord primary = state.keys().get(keyId);
            if (primary == null || primary.keyState() != KeyState.PendingReplicaDeletion) {
                return new StateStore.Change<>(state, null);
            }
            int days = primary.pendingWindowDays();
            return new StateStore.Change<>(state.withKey(primary.withState(KeyState.PendingDeletion,
                    at.plus(Duration.ofDays(days)), days)), null);
        });
    }
}
