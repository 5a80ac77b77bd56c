package dev.kmslab.engine.state;

import dev.kmslab.engine.model.KeySpec;
import dev.kmslab.engine.model.KeyState;
import dev.kmslab.engine.model.KeyUsage;
import dev.kmslab.engine.model.OriginType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Immutable snapshot of one KMS key: its metadata beside its ring of backing-key versions. Every change makes a new
 * record, so a thread holding an older snapshot (say, mid-encryption during a rotation) keeps a consistent view.
 *
 * @param deletionDate       when a pending deletion completes; null unless the state is PendingDeletion
 * @param pendingWindowDays  the window requested in ScheduleKeyDeletion; null unless PendingDeletion
 * @param onDemandRotations  how many RotateKeyOnDemand calls succeeded (AWS caps this per key)
 * @param tags               tag key to value, in insertion order
 */
public record KeyRecord(String keyId, String arn, String account, Instant creationDate, String description,
                        KeyUsage keyUsage, KeySpec keySpec, OriginType origin, KeyState keyState,
                        Instant deletionDate, Integer pendingWindowDays, RotationSchedule rotation,
                        List<KeyVersion> versions, int onDemandRotations, Map<String, String> tags) {

    public KeyRecord {
        versions = List.copyOf(versions);
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("a key needs at least one backing key");
        }
    }

    /** The newest backing key; Encrypt always uses it. */
    public KeyVersion current() {
        return versions.get(versions.size() - 1);
    }

    /** The backing key a ciphertext names, or null if this key never had that version. */
    public KeyVersion version(int number) {
        return number >= 1 && number <= versions.size() ? versions.get(number - 1) : null;
    }

    public KeyRecord withDescription(String newDescription) {
        return new KeyRecord(keyId, arn, account, creationDate, newDescription, keyUsage, keySpec, origin, keyState,
                deletionDate, pendingWindowDays, rotation, versions, onDemandRotations, tags);
    }

    public KeyRecord withState(KeyState state, Instant newDeletionDate, Integer newWindow) {
        return new KeyRecord(keyId, arn, account, creationDate, description, keyUsage, keySpec, origin, state,
                newDeletionDate, newWindow, rotation, versions, onDemandRotations, tags);
    }

    public KeyRecord withRotation(RotationSchedule schedule) {
        return new KeyRecord(keyId, arn, account, creationDate, description, keyUsage, keySpec, origin, keyState,
                deletionDate, pendingWindowDays, schedule, versions, onDemandRotations, tags);
    }

    public KeyRecord withTags(Map<String, String> newTags) {
        return new KeyRecord(keyId, arn, account, creationDate, description, keyUsage, keySpec, origin, keyState,
                deletionDate, pendingWindowDays, rotation, versions, onDemandRotations, newTags);
    }

    /** Appends a backing key; {@code onDemand} counts towards the on-demand limit. */
    public KeyRecord withNewVersion(KeyVersion version, boolean onDemand) {
        List<KeyVersion> ring = new ArrayList<>(versions);
        ring.add(version);
        return new KeyRecord(keyId, arn, account, creationDate, description, keyUsage, keySpec, origin, keyState,
                deletionDate, pendingWindowDays, rotation, ring, onDemandRotations + (onDemand ? 1 : 0), tags);
    }

    /** Replaces the newest backing key (imported material arriving, expiring or being deleted). */
    public KeyRecord withCurrentVersion(KeyVersion version) {
        List<KeyVersion> ring = new ArrayList<>(versions);
        ring.set(ring.size() - 1, version);
        return new KeyRecord(keyId, arn, account, creationDate, description, keyUsage, keySpec, origin, keyState,
                deletionDate, pendingWindowDays, rotation, ring, onDemandRotations, tags);
    }

    @Override
    public String toString() {
        return "KeyRecord[" + arn + ", " + keyState + ", versions=" + versions.size() + "]";
    }
}
