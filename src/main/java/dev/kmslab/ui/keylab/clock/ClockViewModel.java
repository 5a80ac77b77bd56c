package dev.kmslab.ui.keylab.clock;

import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.ScheduledEvent;
import dev.kmslab.engine.SimulatedClock;
import dev.kmslab.ui.keylab.common.KeyLabSession;
import dev.kmslab.ui.keylab.common.LabError;
import dev.kmslab.ui.keylab.common.LabFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Key Lab's time machine: shows the simulated time and the next scheduled event, and moves time forward. Moving
 * time applies every automatic rotation and deletion that falls due on the way, as AWS would have done meanwhile.
 */
public final class ClockViewModel {

    public static final Duration DAY = Duration.ofDays(1);
    public static final Duration MONTH = Duration.ofDays(30);
    public static final Duration YEAR = Duration.ofDays(365);

    private final KeyLabSession session;
    private final javafx.beans.property.ReadOnlyObjectWrapper<Instant> now = new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private final javafx.beans.property.ReadOnlyStringWrapper nowText = new javafx.beans.property.ReadOnlyStringWrapper("—");
    private final javafx.beans.property.ReadOnlyStringWrapper nextEvent = new javafx.beans.property.ReadOnlyStringWrapper("No rotation or deletion is scheduled.");
    private final javafx.beans.property.ReadOnlyBooleanWrapper hasNextEvent = new javafx.beans.property.ReadOnlyBooleanWrapper();
    private final javafx.beans.property.ReadOnlyBooleanWrapper realTime = new javafx.beans.property.ReadOnlyBooleanWrapper(true);
    private final javafx.beans.property.ReadOnlyStringWrapper lastChange = new javafx.beans.property.ReadOnlyStringWrapper("");
    private final javafx.beans.property.ReadOnlyObjectWrapper<LabError> error = new javafx.beans.property.ReadOnlyObjectWrapper<>();
    // Reads run on worker threads and may finish out of order; only the newest one is shown.
    private int reads;

    public ClockViewModel(KeyLabSession session) {
        this.session = session;
        session.revisionProperty().addListener((obs, was, is) -> refresh());
        refresh();
    }

    /** Reads the time and the next event again. */
    public void refresh() {
        if (session.engine() == null) {
            return;
        }
        int read = ++reads;
        session.call(engine -> new Snapshot(engine.now(), engine.nextEvent(), followsRealTime(engine)), s -> {
            if (read != reads) {
                return;
            }
            now.set(s.now());
            nowText.set(LabFormat.dateTime(s.now()));
            realTime.set(s.realTime());
            hasNextEvent.set(s.next().isPresent());
            nextEvent.set(s.next().map(ClockViewModel::describe).orElse("No rotation or deletion is scheduled."));
        }, e -> { });
    }

    public void advance(Duration amount) {
        session.mutate(engine -> engine.advanceClock(amount), applied -> report(applied, amount.toDays()),
                error::set);
    }

    public void advanceToNextEvent() {
        session.mutate(KmsEngine::advanceToNextEvent, applied -> report(applied, -1), error::set);
    }

    /**
     * Follows the real clock again; what happened in the simulated future stays done. KMS cannot undo a deletion,
     * so the keys deleted while the clock was ahead stay deleted, and the status line says which ones and why.
     */
    public void backToRealTime() {
        session.mutate(engine -> {
            Instant real = Instant.now();
            List<String> deleted = engine.auditLog().all().stream()
                    .filter(e -> "DeleteKey".equals(e.eventName()) && !e.isError() && e.eventTime().isAfter(real)
                            && e.keyArn() != null)
                    .map(e -> LabFormat.shortId(e.keyArn())).distinct().toList();
            clockOf(engine).backToRealTime();
            return deleted;
        }, deleted -> {
            error.set(null);
            lastChange.set(backToRealTimeText(deleted));
        }, error::set);
    }

    static String backToRealTimeText(List<String> deletedKeys) {
        if (deletedKeys.isEmpty()) {
            return "Back to real time. Rotations made while the clock was ahead stay done; the audit log keeps "
                    + "their later dates.";
        }
        return "Back to real time. " + (deletedKeys.size() == 1 ? "Key " : "Keys ") + String.join(", ", deletedKeys)
                + (deletedKeys.size() == 1 ? " was" : " were") + " deleted while the clock was ahead and "
                + (deletedKeys.size() == 1 ? "stays" : "stay") + " deleted: a deletion cannot be undone, even by "
                + "turning the clock back. Rotations made meanwhile stay done too.";
    }

    private void report(List<ScheduledEvent> applied, long days) {
        error.set(null);
        String moved = days < 0 ? "Jumped to the next event." : "Moved " + days + (days == 1 ? " day" : " days")
                + " forward.";
        if (applied.isEmpty()) {
            lastChange.set(moved + " Nothing fell due.");
        } else {
            lastChange.set(moved + " Applied: " + applied.stream().map(ClockViewModel::describe)
                    .collect(Collectors.joining("; ")) + ".");
        }
    }

    static String describe(ScheduledEvent event) {
        String what = switch (event.eventName()) {
            case "RotateKey" -> "automatic rotation of key ";
            case "DeleteKey" -> "deletion of key ";
            default -> event.eventName() + " of key ";
        };
        return what + LabFormat.shortId(event.keyArn()) + " at " + LabFormat.dateTime(event.at());
    }

    private static boolean followsRealTime(KmsEngine engine) {
        return engine.config().clock() instanceof SimulatedClock c && c.isFollowingRealTime();
    }

    private static SimulatedClock clockOf(KmsEngine engine) {
        if (engine.config().clock() instanceof SimulatedClock c) {
            return c;
        }
        throw new IllegalStateException("the engine does not run on a simulated clock");
    }

    private record Snapshot(Instant now, Optional<ScheduledEvent> next, boolean realTime) {
    }

    public ReadOnlyObjectProperty<Instant> nowProperty() {
        return now.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty nowTextProperty() {
        return nowText.getReadOnlyProperty();
    }

    /** A sentence describing the next scheduled event (for the "Next event" button's tooltip). */
    public ReadOnlyStringProperty nextEventProperty() {
        return nextEvent.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasNextEventProperty() {
        return hasNextEvent.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty realTimeProperty() {
        return realTime.getReadOnlyProperty();
    }

    /** What the last move did, for a status line. */
    public ReadOnlyStringProperty lastChangeProperty() {
        return lastChange.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LabError> errorProperty() {
        return error.getReadOnlyProperty();
    }
}
