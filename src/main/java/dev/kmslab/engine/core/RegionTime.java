package dev.kmslab.engine.core;

import dev.kmslab.engine.ScheduledEvent;
import dev.kmslab.engine.SimulatedClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Scheduled work across linked Regions, which share one clock: time moves for all of them at once, and one Region's
 * work can start another's (a replica's deletion completing starts its primary's waiting period).
 */
public final class RegionTime {

    private RegionTime() {
    }

    /** Applies due work in every Region until none is left. */
    public static List<ScheduledEvent> applyDue(List<DueWork> all, Instant upTo) {
        if (all.size() == 1) {
            return all.get(0).applyDue(upTo);
        }
        List<ScheduledEvent> applied = new ArrayList<>();
        boolean more = true;
        while (more) {
            more = false;
            for (DueWork peer : all) {
                List<ScheduledEvent> done = peer.applyDue(upTo);
                applied.addAll(done);
                more |= !done.isEmpty();
            }
        }
        return applied;
    }

    /** The earliest scheduled event in any Region. */
    public static Optional<ScheduledEvent> nextEvent(List<DueWork> peers) {
        Optional<ScheduledEvent> earliest = Optional.empty();
        for (DueWork peer : peers) {
            Optional<ScheduledEvent> next = peer.nextEvent();
            if (next.isPresent() && (earliest.isEmpty() || next.get().at().isBefore(earliest.get().at()))) {
                earliest = next;
            }
        }
        return earliest;
    }

    public static List<ScheduledEvent> advance(List<DueWork> peers, SimulatedClock clock, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("cannot move time backwards: " + amount);
        }
        Instant target = clock.now().plus(amount);
        List<ScheduledEvent> applied = applyDue(peers, target);
        clock.set(target);
        return applied;
    }

    public static List<ScheduledEvent> advanceToNextEvent(List<DueWork> peers, SimulatedClock clock) {
        Optional<ScheduledEvent> next = nextEvent(peers);
        if (next.isEmpty()) {
            return List.of();
        }
        Instant at = next.get().at().isAfter(clock.now()) ? next.get().at() : clock.now();
        List<ScheduledEvent> applied = applyDue(peers, at);
        clock.set(at);
        return applied;
    }
}
