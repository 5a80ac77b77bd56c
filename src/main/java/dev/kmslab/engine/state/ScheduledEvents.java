package dev.kmslab.engine.state;

import dev.kmslab.engine.model.KeyState;
import java.time.Instant;

/**
 * When a key next needs the engine's attention without a call: a pending deletion completing, or an automatic
 * rotation falling due. Disabled keys are not rotated (AWS skips them and rotates when re-enabled), and keys pending
 * deletion are not rotated either.
 */
public final class ScheduledEvents {

    private ScheduledEvents() {
    }

    /** The instant of the key's next scheduled event, or null if none. */
    public static Instant dueAt(KeyRecord key) {
        if (key.keyState() == KeyState.PendingDeletion) {
            return key.deletionDate();
        }
        if (key.keyState() == KeyState.Enabled && key.rotation().enabled()) {
            return key.rotation().nextRotationDate();
        }
        return null;
    }
}
