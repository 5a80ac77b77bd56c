package dev.kmslab.ui.keylab;

import dev.kmslab.engine.CallerContext;
import dev.kmslab.engine.KmsEngine;
import dev.kmslab.ui.common.UiExecutor;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * What every Key Lab screen shares: the engine (once it is open), the principal the lab acts as, the key selected
 * across tabs, and a revision counter that every screen watches so a change anywhere — a new key, a clock jump —
 * refreshes them all at once. All engine calls go through {@link #call} so they run off the FX thread.
 *
 * <p>The caller starts as the account root; an "Act as" screen only has to set {@link #callerProperty()}.
 */
public final class KeyLabSession implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(KeyLabSession.class.getName());

    private final UiExecutor executor;
    private final Executor uiThread;
    private final ObjectProperty<KmsEngine> engine = new SimpleObjectProperty<>();
    private final ObjectProperty<CallerContext> caller = new SimpleObjectProperty<>();
    private final IntegerProperty revision = new SimpleIntegerProperty();
    private final StringProperty selectedKeyId = new SimpleStringProperty();
    private AutoCloseable resources;

    /**
     * @param executor runs engine calls in the background
     * @param uiThread runs a task on the UI thread (Platform::runLater in the app, Runnable::run in tests); used
     *                 for events that arrive on engine threads, such as audit records
     */
    public KeyLabSession(UiExecutor executor, Executor uiThread) {
        this.executor = executor;
        this.uiThread = uiThread;
        caller.addListener((obs, was, now) -> changed());
    }

    /** A session over an engine that is already open (tests). */
    public static KeyLabSession of(KmsEngine engine, UiExecutor executor) {
        KeyLabSession session = new KeyLabSession(executor, Runnable::run);
        session.setEngine(engine, null);
        return session;
    }

    /** Opens the engine in the background; notices (a damaged keystore, …) go to {@code notices}. */
    public void open(Supplier<LabEngineOpener.Opened> opener, Consumer<String> notices) {
        executor.submit(opener::get, opened -> {
            opened.notices().forEach(notices);
            setEngine(opened.engine(), opened.resources());
        }, e -> notices.accept("The Key Lab could not start its key engine: " + e.getMessage()));
    }

    private void setEngine(KmsEngine opened, AutoCloseable toClose) {
        this.resources = toClose;
        if (caller.get() == null) {
            caller.set(CallerContext.root(opened.account()));
        }
        engine.set(opened);
        changed();
    }

    /** Runs {@code op} against the engine as the current caller, off the UI thread; results come back on it. */
    public <T> void call(Function<KmsEngine, T> op, Consumer<? super T> onSuccess, Consumer<LabError> onError) {
        KmsEngine e = engine.get();
        if (e == null) {
            onError.accept(new LabError("NotReady", "The key engine is still opening.", "Try again in a moment."));
            return;
        }
        executor.submit(() -> op.apply(e), onSuccess, err -> onError.accept(LabError.of(err)));
    }

    /** Like {@link #call} for something that changes keys or time: every screen refreshes afterwards. */
    public <T> void mutate(Function<KmsEngine, T> op, Consumer<? super T> onSuccess, Consumer<LabError> onError) {
        call(op, result -> {
            onSuccess.accept(result);
            changed();
        }, err -> {
            onError.accept(err);
            changed(); // the failure is in the audit log and may follow a partial success (key created, alias not)
        });
    }

    /** Runs any slow task (file I/O) in the background. */
    public UiExecutor executor() {
        return executor;
    }

    public Executor uiThread() {
        return uiThread;
    }

    /** Tells every screen to reload. */
    public void changed() {
        revision.set(revision.get() + 1);
    }

    public ReadOnlyObjectProperty<KmsEngine> engineProperty() {
        return engine;
    }

    public KmsEngine engine() {
        return engine.get();
    }

    /** Who the lab acts as; the account root unless an "Act as" screen changes it. */
    public ObjectProperty<CallerContext> callerProperty() {
        return caller;
    }

    public CallerContext caller() {
        return caller.get();
    }

    public ReadOnlyIntegerProperty revisionProperty() {
        return revision;
    }

    /** The key the learner picked on one tab, followed by the others (a key id). */
    public StringProperty selectedKeyIdProperty() {
        return selectedKeyId;
    }

    @Override
    public void close() {
        if (resources != null) {
            try {
                resources.close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "could not close the key engine cleanly", e);
            }
            resources = null;
        }
    }
}
