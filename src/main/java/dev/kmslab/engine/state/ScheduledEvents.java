package dev.kmslab.engine.state;

import dev.kmslab.engine.model.KeyState;
import java.time.Instant;

/**
 * When a key next needs the engine's attention without a call: a pending deletion completing, or an automatic
 * rotation falling due. Disabled keys are not rotated (AWS skips them and rotates when re-enabled), and keys pending
 * deletion are not rotated either. Imported key material that expires is deleted at its ValidTo.
 */
public final class ScheduledEvents {

    private ScheduledEvents() {
    }

    /** The instant of the key's next scheduled event, or null if none. */
    public static Instant dueAt(KeyRecord key) {
        if (key.keyState() == KeyState.PendingDeletion) {
            return key.deletionDate();
        }
        Instant expiry = materialExpiry(key);
        Instant rotation = key.keyState() == KeyState.Enabled && key.rotation().enabled()
                ? key.rotation().nextRotationDate() : null;
        if (expiry == null) {
            return rotation;
        }
        return rotation == null || expiry.isBefore(rotation) || expiry.equals(rotation) ? expiry : rotation;
    }

    /**
     * When the first of the key's imported materials expires, or null: expiry applies to Enabled and Disabled keys
     * alike, since AWS deletes expired material whatever the key's state. A symmetric key can hold several imported
     * materials (one per rotation, and one pending rotation), each with its own ValidTo.
     */
    public static Instant materialExpiry(KeyRecord key) {
        KeyVersion first = expiringFirst(key);
        return first == null ? null : first.validTo();
    }

    /** The version whose imported material expires first (the earliest version on a tie), or null if none expires. */
    public static KeyVersion expiringFirst(KeyRecord key) {
        KeyVersion first = null;
        for (KeyVersion v : key.versions()) {
            if (v.hasMaterial() && v.validTo() != null && (first == null || v.validTo().isBefore(first.validTo()))) {
                first = v;
            }
        }
        return first;
    }
}
