package dev.kmslab.engine.core;

import dev.kmslab.engine.error.KMSInternalException;
import dev.kmslab.engine.state.EngineState;
import dev.kmslab.engine.store.ChangeStorage;
import dev.kmslab.engine.store.EngineStateCodec;
import dev.kmslab.engine.store.KeystoreStorage;
import java.io.IOException;
import java.util.function.Function;

/**
 * Holds the current state snapshot and applies mutations one at a time: snapshot, build the next state, persist it,
 * and only then publish it. If persisting fails nothing is published, so memory and storage both keep the previous
 * state and the call fails with KMSInternalException.
 */
public final class StateStore {

    /** The result of a mutation: the next state (or the same one if nothing changed) and the call's answer. */
    public record Change<T>(EngineState next, T result) {
    }

    /** Changes persisted by the current thread, so the call it runs knows it changed state (see CallGate). */
    private static final ThreadLocal<long[]> COMMITS = ThreadLocal.withInitial(() -> new long[1]);

    private final KeystoreStorage storage;
    private volatile EngineState current;

    public StateStore(KeystoreStorage storage, EngineState initial) {
        this.storage = storage;
        this.current = initial;
    }

    public EngineState current() {
        return current;
    }

    public synchronized <T> T mutate(Function<EngineState, Change<T>> change) {
        EngineState before = current;
        Change<T> outcome = change.apply(before);
        if (outcome.next() != before) {
            persist(before, outcome.next());
            current = outcome.next();
            COMMITS.get()[0]++;
        }
        return outcome.result();
    }

    /** How many changes this thread has persisted (only differences matter). */
    static long commitsOnThisThread() {
        return COMMITS.get()[0];
    }

    private void persist(EngineState before, EngineState next) {
        try {
            if (storage instanceof ChangeStorage changes) {
                changes.saveChange(before, next);
            } else {
                storage.save(EngineStateCodec.encode(next));
            }
        } catch (IOException | RuntimeException e) {
            throw new KMSInternalException("The keystore could not be saved, so the change was not applied.", e);
        }
    }
}
