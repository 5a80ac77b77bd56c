package dev.kmslab.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Runs slow work (engine calls, file I/O) away from the FX thread and hands the outcome back to it. Views and
 * view-models receive one through their constructor, so tests pass {@link #synchronous()} and see results at once.
 */
public interface UiExecutor {

    /** Runs {@code task} in the background, then {@code onSuccess} or {@code onError} on the UI thread. */
    <T> void submit(Callable<T> task, Consumer<? super T> onSuccess, Consumer<? super Exception> onError);

    /** Runs everything on the calling thread, for tests without a toolkit. */
    static UiExecutor synchronous() {
        return new UiExecutor() {
            @Override
            public <T> void submit(Callable<T> task, Consumer<? super T> onSuccess,
                                   Consumer<? super Exception> onError) {
                T result;
                try {
                    result = task.call();
                } catch (Exception e) {
                    onError.accept(e);
                    return;
                }
                onSuccess.accept(result);
            }
        };
    }

    /** Background daemon threads (so a pending task never keeps the app alive), results via Platform.runLater. */
    static UiExecutor fx(int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "kmslab-ui-worker");
            t.setDaemon(true);
            return t;
        });
        return new UiExecutor() {
            @Override
            public <T> void submit(Callable<T> task, Consumer<? super T> onSuccess,
                                   Consumer<? super Exception> onError) {
                pool.execute(() -> {
                    try {
                        T result = task.call();
                        Platform.runLater(() -> onSuccess.accept(result));
                    } catch (Exception e) {
                        Platform.runLater(() -> onError.accept(e));
                    }
                });
            }
        };
    }
}
