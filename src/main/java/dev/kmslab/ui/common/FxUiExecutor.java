package dev.kmslab.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;

/** Runs work on daemon threads (so it never keeps the app alive) and reports back with {@link Platform#runLater}. */
public final class FxUiExecutor implements UiExecutor {

    private final ExecutorService workers;

    public FxUiExecutor() {
        this(1);
    }

    public FxUiExecutor(int threads) {
        workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "kmslab-ui-worker");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public <T> void submit(Callable<T> task, Consumer<? super T> onSuccess, Consumer<? super Exception> onError) {
        workers.execute(() -> {
            try {
                T value = task.call();
                Platform.runLater(() -> onSuccess.accept(value));
            } catch (Exception e) {
                Platform.runLater(() -> onError.accept(e));
            }
        });
    }
}
