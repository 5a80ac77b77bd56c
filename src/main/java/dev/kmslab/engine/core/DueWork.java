package dev.kmslab.engine.core;

import dev.kmslab.engine.ScheduledEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A Region's scheduled work as the call pipeline sees it: what is due is applied before every call. */
public interface DueWork {

    /** Applies every rotation, deletion and expiry due at or before {@code upTo}; returns what was applied. */
    List<ScheduledEvent> applyDue(Instant upTo);

    /** The earliest work still scheduled, if any. */
    Optional<ScheduledEvent> nextEvent();
}
