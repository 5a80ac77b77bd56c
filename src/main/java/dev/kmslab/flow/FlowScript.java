package dev.kmslab.flow;

/** The body of a catalogue flow: makes its engine calls through the session and records the steps. */
@FunctionalInterface
public interface FlowScript {

    void run(FlowSession session);
}
