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
     * When the key's imported material expires, or null: expiry applies to Enabled and Disabled keys alike, since
     * AWS deletes expired material whatever the key's state.
     */
    public static Instant materialExpiry(KeyRecord key) {
        KeyVersion current = key.current();
        return current.hasMaterial() ? current.validTo() : null;
    }
}
