package dev.kmslab.engine;

import java.time.Instant;

/** Where the engine reads the time; a {@link SimulatedClock} lets tests and the UI travel in time. */
public interface EngineClock {

    Instant now();

    /** The real wall clock. */
    static EngineClock system() {
        return Instant::now;
    }
}
