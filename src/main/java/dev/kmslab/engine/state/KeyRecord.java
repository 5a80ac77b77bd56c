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
        for (int i = 0; i < versions.size(); i++) {
            if (versions.get(i).pendingRotation() && (i == 0 || i != versions.size() - 1)) {
                throw new IllegalArgumentException("only the last of several backing keys can be pending rotation");
            }
        }
    }

    /** The newest backing key permanently associated with the key; Encrypt always uses it. */
    public KeyVersion current() {
        KeyVersion last = versions.get(versions.size() - 1);
        return last.pendingRotation() ? versions.get(versions.size() - 2) : last;
    }

    /** Imported material waiting for RotateKeyOnDemand (always the last version), or null. */
    public KeyVersion pendingRotation() {
        KeyVersion last = versions.get(versions.size() - 1);
        return last.pendingRotation() ? last : null;
    }

    /**
     * The backing key a ciphertext names, or null if this key never had that version. Material pending rotation
     * has never encrypted anything, so no ciphertext can name it.
     */
    public KeyVersion version(int number) {
        if (number < 1 || number > versions.size()) {
            return null;
        }
        KeyVersion v = versions.get(number - 1);
        return v.pendingRotation() ? null : v;
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

    /** Replaces the current backing key (imported material arriving, expiring or being deleted). */
    public KeyRecord withCurrentVersion(KeyVersion version) {
        if (version.version() != current().version()) {
            throw new IllegalArgumentException("version " + version.version() + " is not the current version");
        }
        return withVersion(version);
    }

    /**
     * Replaces the backing key with the same number as {@code version}, or appends it when it is the next number
     * (imported material arriving for a rotation, re-imported, expiring or being deleted).
     */
    public KeyRecord withVersion(KeyVersion version) {
        List<KeyVersion> ring = new ArrayList<>(versions);
        if (version.version() == ring.size() + 1) {
            ring.add(version);
        } else {
            ring.set(version.version() - 1, version);
        }
        return withRing(ring, onDemandRotations);
    }

    /** Forgets the material pending rotation (deleted or expired before it was rotated in). */
    public KeyRecord withoutPendingRotation() {
        if (pendingRotation() == null) {
            return this;
        }
        return withRing(versions.subList(0, versions.size() - 1), onDemandRotations);
    }

    /** RotateKeyOnDemand of an imported key: the pending material becomes current, counting as an on-demand rotation. */
    public KeyRecord withPendingRotatedIn(Instant at) {
        List<KeyVersion> ring = new ArrayList<>(versions);
        ring.set(ring.size() - 1, pendingRotation().rotatedIn(at));
        return withRing(ring, onDemandRotations + 1);
    }

    private KeyRecord withRing(List<KeyVersion> ring, int onDemand) {
        return new KeyRecord(keyId, arn, account, creationDate, description, keyUsage, keySpec, origin, keyState,
                deletionDate, pendingWindowDays, rotation, ring, onDemand, tags);
    }

    @Override
    public String toString() {
        return "KeyRecord[" + arn + ", " + keyState + ", versions=" + versions.size()
                + (pendingRotation() == null ? "" : ", one pending rotation") + "]";
    }
}
