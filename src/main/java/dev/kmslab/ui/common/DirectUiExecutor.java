package dev.kmslab.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Runs the work and its callback at once on the calling thread: for view-model tests and tools. */
public final class DirectUiExecutor implements UiExecutor {

    @Override
    public <T> void submit(Callable<T> task, Consumer<? super T> onSuccess, Consumer<? super Exception> onError) {
        T value;
        try {
            value = task.call();
        } catch (Exception e) {
            onError.accept(e);
            return;
        }
        onSuccess.accept(value);
    }
}
