package dev.kmslab.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Runs the work and its callback at once on the calling thread: for view-model tests and tools. */
public final class DirectUiExecutor implements UiExecutor {

    @Override
    public <T> void run(Callable<T> work, Consumer<T> onDone, Consumer<Exception> onError) {
        T value;
        try {
            value = work.call();
        } catch (Exception e) {
            onError.accept(e);
            return;
        }
        onDone.accept(value);
    }
}
