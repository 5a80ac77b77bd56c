package dev.kmslab.engine.rotation;

import dev.kmslab.engine.ScheduledEvent;
import dev.kmslab.engine.core.DueWork;
import dev.kmslab.engine.core.EngineCore;
import dev.kmslab.engine.core.HsmKeyCleanup;
import dev.kmslab.engine.core.ImportedMaterials;
import dev.kmslab.engine.core.MultiRegionKeyIds;
import dev.kmslab.engine.core.MultiRegionKeys;
import dev.kmslab.engine.core.StateStore;
import dev.kmslab.engine.model.KeyState;
import dev.kmslab.engine.model.RotationType;
import dev.kmslab.engine.state.EngineState;
import dev.kmslab.engine.state.KeyRecord;
import dev.kmslab.engine.state.RotationSchedule;
import dev.kmslab.engine.state.ScheduledEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Work the service does on its own schedule: automatic rotations and completing deletions. Due work is applied in
 * time order, each at its own scheduled instant (so one long jump can rotate a key several times), each persisted
 * and audited separately. Every call checks for due work first, cheaply, via the snapshot's next-event instant.
 */
public final class ScheduledWork implements DueWork {

    private final EngineCore core;
    private final RotationOperations rotation;

    public ScheduledWork(EngineCore core, RotationOperations rotation) {
        this.core = core;
        this.rotation = rotation;
    }

    /** Applies everything due at or before {@code upTo}, oldest first; cheap when nothing is due. */
    @Override
    public List<ScheduledEvent> applyDue(Instant upTo) {
        Instant next = core.store.current().nextEventAt();
        if (next == null || next.isAfter(upTo)) {
            return List.of();
        }
        List<ScheduledEvent> applied = new ArrayList<>();
        synchronized (this) {
            ScheduledEvent event;
            while ((event = applyOne(upTo)) != null) {
                applied.add(event);
            }
        }
        return applied;
    }

    @Override
    public Optional<ScheduledEvent> nextEvent() {
        KeyRecord key = earliest(core.store.current());
        return key == null ? Optional.empty() : Optional.of(describe(key));
    }

    private ScheduledEvent applyOne(Instant upTo) {
        ScheduledEvent[] applied = new ScheduledEvent[1];
        String[] keyId = new String[1];
        boolean[] replicaDeleted = new boolean[1];
        HsmKeyCleanup cleanup = new HsmKeyCleanup();
        core.store.mutate(state -> {
            KeyRecord key = earliest(state);
            if (key == null || ScheduledEvents.dueAt(key).isAfter(upTo)) {
                return new StateStore.Change<>(state, null);
            }
            ScheduledEvent event = describe(key);
            applied[0] = event;
            keyId[0] = key.keyId();
            if (key.keyState() == KeyState.PendingDeletion) {
                replicaDeleted[0] = state.isReplica(key.keyId());
                HsmKeyCleanup.remember(state, key, cleanup);
                return new StateStore.Change<>(state.withoutKey(key.keyId()), null);
            }
            if (isExpiry(key)) {
                return new StateStore.Change<>(state.withKey(ImportedMaterials.expire(key)), null);
            }
            RotationSchedule schedule = key.rotation();
            KeyRecord rotated = key.withNewVersion(rotation.newVersion(key, event.at(), RotationType.AUTOMATIC),
                    false).withRotation(new RotationSchedule(true, schedule.periodInDays(),
                    event.at().plus(Duration.ofDays(schedule.periodInDays()))));
            return new StateStore.Change<>(state.withKey(rotated), null);
        });
        cleanup.run(core);
        ScheduledEvent event = applied[0];
        if (event != null) {
            core.gate.recordServiceEvent(event.eventName(), event.at(), event.keyArn(),
                    Map.of("keyId", event.keyArn()));
            // Other Regions are told only after this Region's change is saved (see MultiRegionKeys.syncReplicas).
            if (replicaDeleted[0]) {
                MultiRegionKeys.replicaDeleted(core, keyId[0], event.at());
            } else if ("RotateKey".equals(event.eventName()) && MultiRegionKeyIds.isMultiRegion(keyId[0])) {
                MultiRegionKeys.syncReplicas(core, keyId[0]);
            }
        }
        return event;
    }

    private static ScheduledEvent describe(KeyRecord key) {
        String name = key.keyState() == KeyState.PendingDeletion ? "DeleteKey"
                : isExpiry(key) ? "DeleteExpiredKeyMaterial" : "RotateKey";
        return new ScheduledEvent(ScheduledEvents.dueAt(key), key.arn(), name);
    }

    /** True when the key's next event is its imported material expiring (which wins a tie with rotation). */
    private static boolean isExpiry(KeyRecord key) {
        Instant expiry = ScheduledEvents.materialExpiry(key);
        return key.keyState() != KeyState.PendingDeletion && expiry != null
                && expiry.equals(ScheduledEvents.dueAt(key));
    }

    private static KeyRecord earliest(EngineState state) {
        KeyRecord best = null;
        for (KeyRecord key : state.keys().values()) {
            Instant due = ScheduledEvents.dueAt(key);
            if (due != null && (best == null || due.isBefore(ScheduledEvents.dueAt(best)))) {
                best = key;
            }
        }
        return best;
    }
}
