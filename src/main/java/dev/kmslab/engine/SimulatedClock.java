package dev.kmslab.engine;

import java.time.Duration;
import java.time.Instant;

/**
 * A clock that can be frozen, moved forward or set, for time travel in the lab and deterministic tests. Until it is
 * first moved it follows real time; {@link #backToRealTime()} returns to following it.
 */
public final class SimulatedClock implements EngineClock {

    private volatile Instant fixed;

    /** Starts frozen at {@code start}. */
    public SimulatedClock(Instant start) {
        this.fixed = start;
    }

    /** Starts frozen at the current real time. */
    public static SimulatedClock startingNow() {
        return new SimulatedClock(Instant.now());
    }

    @Override
    public Instant now() {
        Instant f = fixed;
        return f != null ? f : Instant.now();
    }

    /** Moves time forward by {@code amount} (never backwards). */
    public synchronized void advance(Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("cannot move time backwards: " + amount);
        }
        fixed = now().plus(amount);
    }

    /** Freezes time at {@code instant}. */
    public synchronized void set(Instant instant) {
        fixed = instant;
    }

    /** Follows the real clock again. */
    public synchronized void backToRealTime() {
        fixed = null;
    }

    public boolean isFollowingRealTime() {
        return fixed == null;
    }
}
