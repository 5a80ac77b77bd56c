package dev.kmslab.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Scheduled work across linked Regions, which share one clock: time moves for all of them at once, and one Region's
 * work can start another's (a replica's deletion completing starts its primary's waiting period).
 */
final class RegionTime {

    private RegionTime() {
    }

    /** Applies due work in every Region until none is left. */
    static List<ScheduledEvent> applyDue(RegionPeers peers, Instant upTo) {
        List<EngineCore> all = peers.all();
        if (all.size() == 1) {
            return all.get(0).work().applyDue(upTo); // the common case, on every call: no allocation
        }
        List<ScheduledEvent> applied = new ArrayList<>();
        boolean more = true;
        while (more) {
            more = false;
            for (EngineCore peer : all) {
                List<ScheduledEvent> done = peer.work().applyDue(upTo);
                applied.addAll(done);
                more |= !done.isEmpty();
            }
        }
        return applied;
    }

    /** The earliest scheduled event in any Region. */
    static Optional<ScheduledEvent> nextEvent(RegionPeers peers) {
        Optional<ScheduledEvent> earliest = Optional.empty();
        for (EngineCore peer : peers.all()) {
            Optional<ScheduledEvent> next = peer.work().nextEvent();
            if (next.isPresent() && (earliest.isEmpty() || next.get().at().isBefore(earliest.get().at()))) {
                earliest = next;
            }
        }
        return earliest;
    }

    static List<ScheduledEvent> advance(RegionPeers peers, SimulatedClock clock, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("cannot move time backwards: " + amount);
        }
        Instant target = clock.now().plus(amount);
        List<ScheduledEvent> applied = applyDue(peers, target);
        clock.set(target);
        return applied;
    }

    static List<ScheduledEvent> advanceToNextEvent(RegionPeers peers, SimulatedClock clock) {
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
