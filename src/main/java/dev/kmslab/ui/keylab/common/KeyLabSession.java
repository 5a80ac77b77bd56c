package dev.kmslab.ui.keylab.common;

import dev.kmslab.engine.CallerContext;
import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.KmsRegions;
import dev.kmslab.engine.LabAccounts;
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
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

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
    private final StringProperty region = new SimpleStringProperty();
    private final ObservableList<String> regionChoices = FXCollections.observableArrayList();
    private KmsRegions regions;
    private AutoCloseable resources;
    // The lab's accounts (null while only one is open) and the one whose keys the Key Lab shows.
    // Volatile: the app's endpoint reads it on its own threads at every request (and gets null while reopening).
    private volatile LabAccounts accounts;
    private final StringProperty account = new SimpleStringProperty();
    private final ObservableList<String> accountChoices = FXCollections.observableArrayList();
    // While a lab's sandbox is shown, the learner's own engines wait here untouched (see openSandbox).
    private final StringProperty sandboxLabel = new SimpleStringProperty("");
    private KmsRegions ownRegions;
    private AutoCloseable ownResources;
    private CallerContext ownCaller;
    private String ownRegion;
    private String ownSelectedKey;

    /**
     * @param executor runs engine calls in the background
     * @param uiThread runs a task on the UI thread (Platform::runLater in the app, Runnable::run in tests); used
     *                 for events that arrive on engine threads, such as audit records
     */
    public KeyLabSession(UiExecutor executor, Executor uiThread) {
        this.executor = executor;
        this.uiThread = uiThread;
        caller.addListener((obs, was, now) -> changed());
        region.addListener((obs, was, now) -> switchRegion(now));
        account.addListener((obs, was, now) -> switchAccount(now));
    }

    /** A session over several accounts that are already open (tests); it starts in the home account. */
    public static KeyLabSession of(LabAccounts accounts, UiExecutor executor) {
        KeyLabSession session = new KeyLabSession(executor, Runnable::run);
        session.setEngine(accounts.home(), null);
        session.setAccounts(accounts);
        return session;
    }

    private void setAccounts(LabAccounts opened) {
        this.accounts = opened;
        accountChoices.setAll(opened == null ? java.util.List.of() : opened.accountIds());
        account.set(opened == null ? null : opened.homeAccount());
    }

    /**
     * Shows another lab account's keys: every screen follows, and the lab acts as that account's root until another
     * principal is chosen. Not while a lab's sandbox is shown (a sandbox has its own account).
     */
    private void switchAccount(String id) {
        if (accounts == null || id == null || inSandbox()) {
            return;
        }
        KmsRegions target = accounts.find(id).orElse(null);
        if (target == null || target == regions) {
            return;
        }
        regions = target;
        regionChoices.setAll(target.regions());
        caller.set(CallerContext.root(id));
        String where = target.regions().contains(region.get()) ? region.get() : target.defaultRegion();
        if (where.equals(region.get())) {
            switchRegion(where);
        } else {
            region.set(where);
        }
    }

    /** The account whose keys the Key Lab shows (null while only one account is open); set it to switch. */
    public StringProperty accountProperty() {
        return account;
    }

    /** The lab's accounts (what the in-app endpoint serves), or null while only one is open. */
    public LabAccounts accounts() {
        return accounts;
    }

    /** The lab's accounts, home first (empty while only one is open). */
    public ObservableList<String> accountChoices() {
        return accountChoices;
    }

    /** A session over an engine that is already open (tests). */
    public static KeyLabSession of(KmsEngine engine, UiExecutor executor) {
        KeyLabSession session = new KeyLabSession(executor, Runnable::run);
        session.setEngine(KmsRegions.around(engine), null);
        return session;
    }

    /** A session over Regions that are already open (tests); it starts in the default Region. */
    public static KeyLabSession of(KmsRegions regions, UiExecutor executor) {
        KeyLabSession session = new KeyLabSession(executor, Runnable::run);
        session.setEngine(regions, null);
        return session;
    }

    /** Opens the engine in the background; notices (a damaged keystore, …) go to {@code notices}. */
    public void open(Supplier<LabEngineOpener.Opened> opener, Consumer<String> notices) {
        this.opener = opener;
        this.notices = notices;
        executor.submit(opener::get, opened -> {
            opened.notices().forEach(notices);
            if (inSandbox()) {
                ownRegions = opened.regions();
                ownResources = opened.resources();
                accounts = opened.accounts();
                accountChoices.setAll(accounts == null ? java.util.List.of() : accounts.accountIds());
                account.set(accounts == null ? null : accounts.homeAccount());
            } else {
                setEngine(opened.regions(), opened.resources());
                setAccounts(opened.accounts());
            }
        }, e -> notices.accept("The Key Lab could not start its key engine: " + e.getMessage()));
    }

    /** Work on the lab's files while its engines are closed (restore a snapshot, reset the lab). */
    @FunctionalInterface
    public interface FileWork<T> {
        T run() throws Exception;
    }

    private Supplier<LabEngineOpener.Opened> opener;
    private Consumer<String> notices = n -> { };

    private LabSnapshots snapshotStore;

    /** Offers lab snapshots (save, restore, reset) over the data folder the engines open from. */
    public void enableSnapshots(LabSnapshots store) {
        this.snapshotStore = store;
    }

    public java.util.Optional<LabSnapshots> snapshots() {
        return java.util.Optional.ofNullable(snapshotStore);
    }

    /** True when the engines came from {@link #open} and so can be closed and opened again (snapshots). */
    public boolean canReopen() {
        return opener != null && !inSandbox();
    }

    /**
     * Closes the learner's engines, runs {@code work} on the lab's files, and opens the engines again from them; every
     * screen then reloads. If the work fails the engines still reopen (on whatever the files hold) and the error is
     * passed on.
     */
    public <T> void reopen(FileWork<T> work, Consumer<? super T> onSuccess, Consumer<LabError> onError) {
        if (!canReopen()) {
            onError.accept(LabError.of(new IllegalStateException("The lab can only be restored or reset while your "
                    + "own keys are shown.")));
            return;
        }
        AutoCloseable old = resources;
        resources = null;
        regions = null;
        accounts = null; // the endpoint waits (503, retried by SDKs) instead of reaching closed engines
        engine.set(null);
        executor.submit(() -> {
            if (old != null) {
                old.close();
            }
            Exception failed = null;
            T result = null;
            try {
                result = work.run();
            } catch (Exception e) {
                failed = e;
            }
            // The opener reads the trail (after a restore: the snapshot's) into the reopened engines' audit log.
            LabEngineOpener.Opened opened = opener.get();
            return new Object[] {opened, result, failed};
        }, done -> {
            LabEngineOpener.Opened opened = (LabEngineOpener.Opened) done[0];
            opened.notices().forEach(notices);
            // The principal acted as may not exist in the restored lab: start again as the account root.
            caller.set(CallerContext.root(opened.regions().defaultEngine().account()));
            setEngine(opened.regions(), opened.resources());
            setAccounts(opened.accounts());
            changed();
            if (done[2] != null) {
                onError.accept(LabError.of((Exception) done[2]));
            } else {
                @SuppressWarnings("unchecked")
                T result = (T) done[1];
                onSuccess.accept(result);
            }
        }, e -> onError.accept(LabError.of(e)));
    }

    private void setEngine(KmsRegions opened, AutoCloseable toClose) {
        this.resources = toClose;
        this.regions = opened;
        if (caller.get() == null) {
            caller.set(CallerContext.root(opened.defaultEngine().account()));
        }
        regionChoices.setAll(opened.regions());
        if (opened.regions().contains(region.get())) {
            switchRegion(region.get());
        } else {
            region.set(opened.defaultRegion());
        }
    }

    /**
     * Points every Key Lab screen at a lab's sandbox engines (labelled, so the learner always knows), acting as
     * {@code caller}. The learner's own engines are kept as they are until {@link #backToOwnLab()}; the sandbox is
     * owned and closed by the lab, not by this session.
     */
    public void openSandbox(KmsRegions sandbox, String label, CallerContext sandboxCaller) {
        if (!inSandbox()) {
            ownRegions = regions;
            ownResources = resources;
            ownCaller = caller.get();
            ownRegion = region.get();
            ownSelectedKey = selectedKeyId.get();
        }
        sandboxLabel.set(label);
        this.resources = null;
        this.regions = sandbox;
        caller.set(sandboxCaller);
        regionChoices.setAll(sandbox.regions());
        if (sandbox.regions().contains(region.get())) {
            switchRegion(region.get());
        } else {
            region.set(sandbox.defaultRegion());
        }
    }

    /** Back to the learner's own keys, Region and principal, as they were before the sandbox was opened. */
    public void backToOwnLab() {
        if (!inSandbox()) {
            return;
        }
        sandboxLabel.set("");
        KmsRegions own = ownRegions;
        AutoCloseable ownClose = ownResources;
        CallerContext who = ownCaller;
        String where = ownRegion;
        ownRegions = null;
        ownResources = null;
        if (own == null) {
            // The learner's engines were still opening; they arrive through open() as usual.
            regions = null;
            engine.set(null);
            changed();
            return;
        }
        this.regions = own;
        this.resources = ownClose;
        selectedKeyId.set(ownSelectedKey);
        regionChoices.setAll(own.regions());
        caller.set(who != null ? who : CallerContext.root(own.defaultEngine().account()));
        String target = where != null && own.regions().contains(where) ? where : own.defaultRegion();
        if (target.equals(region.get())) {
            switchRegion(target); // the same Region name, but the learner's own engine for it
        } else {
            region.set(target);
        }
    }

    /** True while the Key Lab shows a lab's sandbox instead of the learner's own keys. */
    public boolean inSandbox() {
        return !sandboxLabel.get().isEmpty();
    }

    /** What the sandbox is ("Lab sandbox: ..."), or empty while the learner's own lab is shown. */
    public ReadOnlyStringProperty sandboxLabelProperty() {
        return sandboxLabel;
    }

    /**
     * Every screen follows the engine, so switching Region is switching engine: the keys, playground, policies,
     * grants and audit of that Region. The selected key is kept, since a multi-Region key has the same id there.
     */
    private void switchRegion(String name) {
        if (regions == null || name == null || !regions.simulates(name)) {
            return;
        }
        engine.set(regions.engine(name));
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

    /** The simulated Region the lab works in; setting it switches every screen to that Region's engine. */
    public StringProperty regionProperty() {
        return region;
    }

    public String region() {
        return region.get();
    }

    /** The Regions the learner can switch between (filled once the engines are open). */
    public ObservableList<String> regionChoices() {
        return regionChoices;
    }

    /** Every Region's engine, or null while the engines are opening. */
    public KmsRegions regions() {
        return regions;
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
        if (inSandbox()) {
            resources = ownResources;
            ownResources = null;
        }
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
