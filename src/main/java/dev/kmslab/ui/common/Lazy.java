package dev.kmslab.ui.common;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value built the first time it is asked for, on the FX thread. Sections the learner has not opened yet cost
 * nothing at start-up this way, and once built the same instance is kept, so a section remembers its state.
 */
public final class Lazy<T> implements Supplier<T> {

    private final Supplier<? extends T> factory;
    private T value;

    public Lazy(Supplier<? extends T> factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    @Override
    public T get() {
        if (value == null) {
            value = Objects.requireNonNull(factory.get(), "the factory returned null");
        }
        return value;
    }

    /** Whether {@link #get()} has built the value yet. */
    public boolean built() {
        return value != null;
    }
}
