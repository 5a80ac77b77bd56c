package dev.kmslab.ui.keylab.audit;

import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.audit.AuditEvent;
import dev.kmslab.io.AtomicFile;
import dev.kmslab.ui.keylab.common.KeyLabSession;
import dev.kmslab.ui.keylab.common.LabError;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The Audit log screen: every call the engine records, live, newest first, with filters and an export. Events arrive
 * on the calling thread (often a worker), so they are handed to the UI thread before touching the list.
 */
public final class AuditViewModel {

    private final dev.kmslab.ui.common.DialogService dialogs;

    /** Shown in the operation filter for "any operation". */
    public static final String ANY = "All operations";
    /** Shown in the principal filter for "anyone" (a class's students each appear under their own IAM user). */
    public static final String ANY_PRINCIPAL = "All principals";
    private static final int MAX_ROWS = 5_000;

    private final KeyLabSession session;
    private final ObservableList<AuditEvent> events = FXCollections.observableArrayList();
    private final FilteredList<AuditEvent> visible = new FilteredList<>(events);
    private final ObservableList<String> operations = FXCollections.observableArrayList(ANY);
    private final StringProperty operation = new SimpleStringProperty(ANY);
    private final ObservableList<String> principals = FXCollections.observableArrayList(ANY_PRINCIPAL);
    private final StringProperty principal = new SimpleStringProperty(ANY_PRINCIPAL);
    private final StringProperty keyFilter = new SimpleStringProperty("");
    private final BooleanProperty errorsOnly = new SimpleBooleanProperty();
    private final BooleanProperty hideReads = new SimpleBooleanProperty(true);
    private final javafx.beans.property.ReadOnlyObjectWrapper<AuditEvent> selected = new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private final javafx.beans.property.ReadOnlyStringWrapper status = new javafx.beans.property.ReadOnlyStringWrapper("");
    private final javafx.beans.property.ReadOnlyObjectWrapper<LabError> error = new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private final Consumer<AuditEvent> listener;

    /** For tests that never reach a dialog; asking for one fails. */
    public AuditViewModel(KeyLabSession session) {
        this(session, dev.kmslab.ui.common.DialogService.none());
    }

    public AuditViewModel(KeyLabSession session, dev.kmslab.ui.common.DialogService dialogs) {
        this.dialogs = dialogs;
        this.session = session;
        this.listener = e -> session.uiThread().execute(() -> add(e));
        operation.addListener((obs, was, now) -> applyFilter());
        principal.addListener((obs, was, now) -> applyFilter());
        keyFilter.addListener((obs, was, now) -> applyFilter());
        errorsOnly.addListener((obs, was, now) -> applyFilter());
        hideReads.addListener((obs, was, now) -> applyFilter());
        session.engineProperty().addListener((obs, was, now) -> attach(was, now));
        attach(null, session.engine());
        applyFilter();
    }

    private void attach(KmsEngine previous, KmsEngine engine) {
        if (previous != null) {
            previous.auditLog().removeListener(listener);
        }
        events.clear();
        if (engine != null) {
            engine.auditLog().addListener(listener);
            // Listen first, then read the ring, so nothing recorded in between is lost; add() skips a duplicate id.
            // The ring holds earlier runs' events too (loaded from the audit file at start): one sorted setAll, not
            // thousands of inserts each refiltered.
            events.setAll(newestFirst(engine.auditLog().all()));
            for (AuditEvent e : events) {
                addSorted(operations, e.eventName());
                if (e.principalArn() != null) {
                    addSorted(principals, e.principalArn());
                }
            }
        }
        applyFilter();
    }

    /**
     * Events in recording order as the screen lists them: newest simulated time first, and among equal times the
     * later recorded first (as {@link #add} places them), without duplicate ids, at most {@link #MAX_ROWS}.
     */
    static List<AuditEvent> newestFirst(List<AuditEvent> recorded) {
        List<AuditEvent> rows = new java.util.ArrayList<>(recorded);
        java.util.Collections.reverse(rows);
        rows.sort(java.util.Comparator.comparing(AuditEvent::eventTime).reversed()); // stable
        java.util.Set<String> seen = new java.util.HashSet<>();
        rows.removeIf(e -> !seen.add(e.eventId()));
        return rows.size() > MAX_ROWS ? List.copyOf(rows.subList(0, MAX_ROWS)) : rows;
    }

    private void add(AuditEvent e) {
        if (events.stream().limit(50).anyMatch(x -> x.eventId().equals(e.eventId()))) {
            return;
        }
        events.add(position(e), e);
        if (events.size() > MAX_ROWS) {
            events.remove(MAX_ROWS, events.size());
        }
        addSorted(operations, e.eventName());
        if (e.principalArn() != null) {
            addSorted(principals, e.principalArn());
        }
    }

    // Keeps the first entry ("All …") first and the rest in order.
    private static void addSorted(ObservableList<String> choices, String value) {
        if (!choices.contains(value)) {
            int at = 1;
            while (at < choices.size() && choices.get(at).compareTo(value) < 0) {
                at++;
            }
            choices.add(at, value);
        }
    }

    // Newest simulated time first. The lab clock moves forward and back ("Back to real time"), so arrival order is not
    // time order; an event goes above every event that is not later than it.
    private int position(AuditEvent e) {
        int at = 0;
        while (at < events.size() && events.get(at).eventTime().isAfter(e.eventTime())) {
            at++;
        }
        return at;
    }

    /**
     * Where the lab's time jumped just before this event: a sentence when the previous event (the one below it) is
     * more than a day older, else empty. Moving the clock makes such gaps; the audit view marks them.
     */
    public Optional<String> timeJumpBefore(AuditEvent e) {
        // Between rows as shown: the filters hide most reads, and the jump is between the rows the learner sees.
        int at = visible.indexOf(e);
        if (at < 0 || at + 1 >= visible.size()) {
            return Optional.empty();
        }
        java.time.Duration gap = java.time.Duration.between(visible.get(at + 1).eventTime(), e.eventTime());
        if (gap.compareTo(java.time.Duration.ofDays(1)) <= 0) {
            return Optional.empty();
        }
        return Optional.of("Time jump: " + gap.toDays() + (gap.toDays() == 1 ? " day" : " days") + " passed "
                + "between the event below and this one (the lab clock was moved forward).");
    }

    /** Read-only calls the console makes all the time; hiding them leaves the calls that change or use keys. */
    static boolean isRead(String eventName) {
        return eventName.startsWith("List") || eventName.startsWith("Describe") || eventName.startsWith("Get");
    }

    private void applyFilter() {
        String op = operation.get();
        String who = principal.get();
        String key = keyFilter.get() == null ? "" : keyFilter.get().trim().toLowerCase(Locale.ROOT);
        // The Regions share one log; the screen shows the Region the lab is in (events without one, always).
        String region = session.engine() == null ? null : session.engine().region();
        visible.setPredicate(e -> (region == null || e.awsRegion() == null || region.equals(e.awsRegion()))
                && (op == null || ANY.equals(op) || op.equals(e.eventName()))
                && (who == null || ANY_PRINCIPAL.equals(who) || who.equals(e.principalArn()))
                && (key.isEmpty() || (e.keyArn() != null && e.keyArn().toLowerCase(Locale.ROOT).contains(key)))
                && (!errorsOnly.get() || e.isError())
                && (!hideReads.get() || !isRead(e.eventName())));
    }

    /** Asks where to save ("Export JSON Lines…") and writes the events that pass the filters there. */
    public void exportAs() {
        dialogs.chooseFileToSave(new dev.kmslab.ui.common.DialogService.FileRequest("Export audit events", "kmslab-audit.jsonl",
                List.of(new dev.kmslab.ui.common.DialogService.FileType("JSON Lines", "*.jsonl")))).ifPresent(this::export);
    }

    /** Writes the events that pass the filters, oldest first, as JSON Lines. */
    public void export(Path file) {
        List<AuditEvent> rows = new java.util.ArrayList<>(visible);
        java.util.Collections.reverse(rows);
        byte[] bytes = AuditJson.lines(rows).getBytes(StandardCharsets.UTF_8);
        session.executor().submit(() -> {
            AtomicFile.write(file, bytes);
            return rows.size();
        }, n -> {
            error.set(null);
            status.set("Exported " + n + " events to " + file.getFileName() + ".");
        }, e -> error.set(LabError.of(e)));
    }

    /** The selected event's record: only the fields a CloudTrail record has (no simulator explanation). */
    public String selectedJson() {
        return selected.get() == null ? "" : AuditJson.prettyRecord(selected.get());
    }

    /** What {@link #selectedIdentity()} shows for a call no access key signed. */
    public static final String NO_ACCESS_KEY = "none: called in the app, not signed with an access key";

    /**
     * Who made the selected call, as CloudTrail's {@code userIdentity} says it: {@code type}, {@code arn},
     * {@code accountId} and the {@code accessKeyId} that signed the request, field name to value, in that order.
     * Empty when nothing is selected.
     */
    public java.util.Map<String, String> selectedIdentity() {
        AuditEvent e = selected.get();
        java.util.Map<String, String> rows = new java.util.LinkedHashMap<>();
        if (e == null) {
            return rows;
        }
        dev.kmslab.engine.audit.AuditEventJson.userIdentity(e.principalArn(), e.accessKeyId()).fields()
                .forEachRemaining(f -> rows.put(f.getKey(), f.getValue().asText()));
        rows.putIfAbsent("accessKeyId", NO_ACCESS_KEY);
        return rows;
    }

    /**
     * How the lab's simulator authorized the selected call, headed as the simulator's: CloudTrail records carry no
     * such explanation. Empty when nothing is selected or the engine recorded none.
     */
    public String selectedExplanation() {
        AuditEvent e = selected.get();
        if (e == null || e.authorizationExplanation() == null || e.authorizationExplanation().isBlank()) {
            return "";
        }
        return dev.kmslab.flow.FlowSession.simulatorExplanation(e.authorizationExplanation());
    }

    public void select(AuditEvent e) {
        selected.set(e);
    }

    public ObservableList<AuditEvent> events() {
        return events;
    }

    public FilteredList<AuditEvent> visibleEvents() {
        return visible;
    }

    public ObservableList<String> operations() {
        return operations;
    }

    public StringProperty operationProperty() {
        return operation;
    }

    /** Every principal seen in the log (each student of a class is an IAM user), after "All principals". */
    public ObservableList<String> principals() {
        return principals;
    }

    /** Shows only the calls of one principal (a student's IAM user ARN), or {@link #ANY_PRINCIPAL}. */
    public StringProperty principalProperty() {
        return principal;
    }

    /** Part of a key ARN or id. */
    public StringProperty keyFilterProperty() {
        return keyFilter;
    }

    public BooleanProperty errorsOnlyProperty() {
        return errorsOnly;
    }

    /** Hides List*, Describe* and Get* calls. */
    public BooleanProperty hideReadsProperty() {
        return hideReads;
    }

    public ReadOnlyObjectProperty<AuditEvent> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LabError> errorProperty() {
        return error.getReadOnlyProperty();
    }
}
