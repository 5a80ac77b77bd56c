package dev.kmslab.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs slow work (file reads, parsing) away from the UI thread and hands the outcome back on it. View-models take one
 * so that tests can pass {@link DirectUiExecutor} and run everything synchronously, without the toolkit.
 */
public interface UiExecutor {

    /**
     * Runs {@code work} in the background, then {@code onDone} with its value or {@code onError} with what it threw;
     * both callbacks run on the UI thread.
     */
    <T> void run(Callable<T> work, Consumer<T> onDone, Consumer<Exception> onError);
}
