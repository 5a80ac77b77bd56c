package dev.kmslab.engine.state;

import java.time.Instant;

/**
 * Automatic rotation settings. {@code nextRotationDate} is when the next automatic rotation is due (null while
 * disabled). {@code periodInDays} is kept while disabled so re-enabling without a period reuses nothing: AWS resets
 * to the requested or default period.
 */
public record RotationSchedule(boolean enabled, int periodInDays, Instant nextRotationDate) {

    public static final int DEFAULT_PERIOD_DAYS = 365;

    public static RotationSchedule off() {
        return new RotationSchedule(false, DEFAULT_PERIOD_DAYS, null);
    }
}
