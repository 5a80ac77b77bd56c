package dev.kmslab.ui.keylab.snapshots;

import dev.kmslab.engine.SimulatedClock;
import dev.kmslab.ui.common.DialogService;
import dev.kmslab.ui.keylab.common.KeyLabSession;
import dev.kmslab.ui.keylab.common.LabError;
import dev.kmslab.ui.keylab.common.LabSnapshots;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Save, restore and reset the whole Key Lab. Saving copies the lab's files on a worker thread; restoring and resetting close the engines, change the files and open them again, then set the
 * lab's clock to the snapshot's time. Each step's outcome is a status line or an error, never both.
 */
public final class SnapshotsViewModel {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final KeyLabSession session;
    private final LabSnapshots snapshots;
    private final DialogService dialogs;
    private final ObservableList<LabSnapshots.Snapshot> list = FXCollections.observableArrayList();
    // One wrapper for the model's life: an unmodifiable view listens to the list weakly, so a view made per call
    // could be collected and take the menu's listener with it.
    private final ObservableList<LabSnapshots.Snapshot> readOnlyList = FXCollections.unmodifiableObservableList(list);
    private final StringProperty name = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final javafx.beans.property.ReadOnlyObjectWrapper<LabError> error =
            new javafx.beans.property.ReadOnlyObjectWrapper<>();

    public SnapshotsViewModel(KeyLabSession session, LabSnapshots snapshots, DialogService dialogs) {
        this.session = session;
        this.snapshots = snapshots;
        this.dialogs = dialogs;
    }

    /** Reads the snapshots folder again; a snapshot that cannot be read is reported and moved aside. */
    public void refresh() {
        session.executor().submit(snapshots::list, listing -> {
            list.setAll(listing.snapshots());
            if (!listing.problems().isEmpty()) {
                fail(new java.io.IOException(String.join(" ", listing.problems())));
            }
        }, this::fail);
    }

    public void save() {
        String wanted;
        try {
            wanted = LabSnapshots.checkName(name.get());
        } catch (IllegalArgumentException e) {
            fail(e);
            return;
        }
        // Keystores are replaced atomically on every change, so each copied file is one whole state.
        session.mutate(engine -> {
            try {
                // Every call made so far in the audit file (its writer works in the background), then copied.
                engine.auditLog().flush();
                return snapshots.save(wanted, labTime(engine.config().clock()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Saving the snapshot was interrupted", e);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, saved -> {
            done("Saved snapshot '" + saved.name() + "': " + saved.keystores() + " keystore file(s), "
                    + saved.auditEvents() + " audit event(s)" + saved.labTime().map(t -> ", lab time "
                    + WHEN.format(t)).orElse("") + ".");
            name.set("");
            refresh();
        }, this::fail);
    }

    /** Asks first: the lab's current state is replaced. */
    public void restore(LabSnapshots.Snapshot snapshot) {
        dialogs.confirm(new DialogService.Confirmation("Restore snapshot", "Restore '" + snapshot.name() + "' (saved "
                + WHEN.format(snapshot.savedAt()) + ")? Your current keys, policies, grants, principals, clock and "
                + "audit log are replaced. Save a snapshot first to keep them.", "Restore"), () -> {
                    SimulatedClock clock = simulatedClock();
                    session.reopen(() -> snapshots.restore(snapshot.name()), restored -> {
                        if (clock != null) {
                            restored.labTime().ifPresentOrElse(clock::set, clock::backToRealTime);
                        }
                        session.changed();
                        done("Restored '" + restored.name() + "'" + restored.labTime().map(t -> "; the lab's clock "
                                + "is back at " + WHEN.format(t)).orElse("; the lab follows real time") + ".");
                    }, this::fail);
                });
    }

    /** Asks first, then empties the lab: no keys, no audit events, real time. Snapshots are kept. */
    public void reset() {
        dialogs.confirm(new DialogService.Confirmation("Reset the lab", "Start again with an empty lab? Every key, "
                + "policy, grant, principal and audit event in every Region is removed, and the clock goes back to "
                + "real time. Your snapshots are kept.", "Reset"), () -> {
                    SimulatedClock clock = simulatedClock();
                    session.reopen(() -> {
                        snapshots.reset();
                        return Boolean.TRUE;
                    }, ok -> {
                        if (clock != null) {
                            clock.backToRealTime();
                        }
                        session.changed();
                        done("The lab was reset: no keys, an empty audit log, real time.");
                    }, this::fail);
                });
    }

    private SimulatedClock simulatedClock() {
        return session.engine() != null && session.engine().config().clock() instanceof SimulatedClock c ? c : null;
    }

    private static Optional<Instant> labTime(Object clock) {
        if (clock instanceof SimulatedClock c && !c.isFollowingRealTime()) {
            return Optional.of(c.now());
        }
        return Optional.empty();
    }

    private void done(String message) {
        error.set(null);
        status.set(message);
    }

    private void fail(Throwable e) {
        status.set("");
        Throwable cause = e instanceof java.io.UncheckedIOException u ? u.getCause() : e;
        error.set(LabError.of(cause));
    }

    private void fail(LabError e) {
        status.set("");
        error.set(e);
    }

    public ObservableList<LabSnapshots.Snapshot> snapshots() {
        return readOnlyList;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LabError> errorProperty() {
        return error.getReadOnlyProperty();
    }

    public boolean available() {
        return session.canReopen();
    }

    /** How a snapshot reads in the menu: its name, when it was saved and the lab's time then. */
    public static String describe(LabSnapshots.Snapshot s) {
        return s.name() + " — saved " + WHEN.format(s.savedAt()) + s.labTime().map(t -> ", lab time " + WHEN.format(t))
                .orElse(", real time");
    }
}
