package dev.kmslab.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;

/** Runs work on one daemon thread (so it never keeps the app alive) and reports back with {@link Platform#runLater}. */
public final class FxUiExecutor implements UiExecutor {

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "kmslab-ui-worker");
        t.setDaemon(true);
        return t;
    });

    @Override
    public <T> void run(Callable<T> work, Consumer<T> onDone, Consumer<Exception> onError) {
        worker.execute(() -> {
            try {
                T value = work.call();
                Platform.runLater(() -> onDone.accept(value));
            } catch (Exception e) {
                Platform.runLater(() -> onError.accept(e));
            }
        });
    }
}
