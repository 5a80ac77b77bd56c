package dev.kmslab.engine.state;

import java.time.Instant;

/**
 * Automatic rotation settings. {@code nextRotationDate} is when the next automatic rotation is due (null while
 * rotation is off). {@code periodInDays} is the last period set; EnableKeyRotation always sets it anew (to the
 * requested period or the 365-day default), as AWS does.
 */
public record RotationSchedule(boolean enabled, int periodInDays, Instant nextRotationDate) {

    public static final int DEFAULT_PERIOD_DAYS = 365;

    public static RotationSchedule off() {
        return new RotationSchedule(false, DEFAULT_PERIOD_DAYS, null);
    }
}
