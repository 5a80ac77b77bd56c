package dev.kmslab.ui.flows;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;

/**
 * Runs slow work (recording a flow makes engine calls) off the FX thread and hands the result back on it. Tests use
 * {@link #direct()} so everything happens synchronously on the calling thread.
 */
public interface FlowExecutor {

    <T> void submit(Supplier<T> work, Consumer<T> onSuccess, Consumer<RuntimeException> onError);

    /** One daemon worker thread; results and errors are delivered with {@link Platform#runLater}. */
    static FlowExecutor background() {
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "kmslab-flow-recorder");
            t.setDaemon(true);
            return t;
        });
        return new FlowExecutor() {
            @Override
            public <T> void submit(Supplier<T> work, Consumer<T> onSuccess, Consumer<RuntimeException> onError) {
                worker.execute(() -> {
                    try {
                        T result = work.get();
                        Platform.runLater(() -> onSuccess.accept(result));
                    } catch (RuntimeException e) {
                        Platform.runLater(() -> onError.accept(e));
                    }
                });
            }
        };
    }

    /** Runs on the calling thread: for view-model tests without the toolkit. */
    static FlowExecutor direct() {
        return new FlowExecutor() {
            @Override
            public <T> void submit(Supplier<T> work, Consumer<T> onSuccess, Consumer<RuntimeException> onError) {
                T result;
                try {
                    result = work.get();
                } catch (RuntimeException e) {
                    onError.accept(e);
                    return;
                }
                onSuccess.accept(result);
            }
        };
    }
}
