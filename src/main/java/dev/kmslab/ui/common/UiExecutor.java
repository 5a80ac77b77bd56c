package dev.kmslab.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs slow work (engine calls, file reads, parsing) away from the FX thread and hands the outcome back to it. Views
 * and view-models receive one through their constructor, so tests pass {@link #synchronous()} and see results at once,
 * without the toolkit.
 */
public interface UiExecutor {

    /** Runs {@code task} in the background, then {@code onSuccess} or {@code onError} on the UI thread. */
    <T> void submit(Callable<T> task, Consumer<? super T> onSuccess, Consumer<? super Exception> onError);

    /** The same as {@link #submit}; kept for callers that name their callbacks "done". */
    default <T> void run(Callable<T> work, Consumer<T> onDone, Consumer<Exception> onError) {
        submit(work, onDone, onError);
    }

    /** Runs everything on the calling thread, for tests without a toolkit. */
    static UiExecutor synchronous() {
        return new DirectUiExecutor();
    }

    /** Background daemon threads (so a pending task never keeps the app alive), results via Platform.runLater. */
    static UiExecutor fx(int threads) {
        return new FxUiExecutor(threads);
    }
}
