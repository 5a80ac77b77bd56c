package dev.kmslab.ui.labs;

import dev.kmslab.study.labs.CheckResult;
import dev.kmslab.study.labs.Lab;
import dev.kmslab.study.labs.LabCatalogue;
import dev.kmslab.study.labs.LabLoadResult;
import dev.kmslab.study.labs.LabOperation;
import dev.kmslab.study.labs.LabProgress;
import dev.kmslab.study.labs.LabSandbox;
import dev.kmslab.study.labs.LabStep;
import dev.kmslab.ui.common.UiExecutor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Labs section without the toolkit: the catalogue filtered by track, the open lab with its steps and the hints
 * revealed so far, its sandbox, the results of "Check my work", the reference solution on request, and progress.
 * Sandboxes live as long as the app (one per lab opened), so switching labs keeps each learner's work; "Reset lab"
 * builds a fresh one from the starting state. Engine work runs on the executor, results come back on the UI thread.
 */
public final class LabsViewModel {

    /** The filter entry that shows every lab. */
    public static final String ALL_TRACKS = "All tracks";

    /** One line of the catalogue list. */
    public record LabRow(String id, String title, List<String> tracks, boolean started, boolean passed) {
    }

    private final Callable<LabLoadResult> loader;
    private final LabProgress progress;
    private final UiExecutor executor;
    private final Consumer<String> notices;
    private final Map<String, LabSandbox> sandboxes = new HashMap<>();
    private final Map<String, int[]> hintsShown = new HashMap<>();
    private LabCatalogue catalogue = LabCatalogue.empty();
    private BiConsumer<Lab, LabSandbox> keyLabOpener = (lab, sandbox) -> { };
    private String pendingOpen;

    private final ObservableList<LabRow> rows = FXCollections.observableArrayList();
    private final ObservableList<String> trackChoices = FXCollections.observableArrayList(ALL_TRACKS);
    private final StringProperty trackFilter = new SimpleStringProperty(ALL_TRACKS);
    private final javafx.beans.property.ReadOnlyObjectWrapper<Lab> lab = new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private final ObservableList<CheckResult> results = FXCollections.observableArrayList();
    private final javafx.beans.property.ReadOnlyStringWrapper status = new javafx.beans.property.ReadOnlyStringWrapper("");
    private final javafx.beans.property.ReadOnlyStringWrapper solution = new javafx.beans.property.ReadOnlyStringWrapper("");
    private final javafx.beans.property.ReadOnlyBooleanWrapper busy = new javafx.beans.property.ReadOnlyBooleanWrapper();
    private final javafx.beans.property.ReadOnlyBooleanWrapper loaded = new javafx.beans.property.ReadOnlyBooleanWrapper();
    private final javafx.beans.property.ReadOnlyIntegerWrapper hintRevision = new javafx.beans.property.ReadOnlyIntegerWrapper();
    private final javafx.beans.property.ReadOnlyIntegerWrapper sandboxRevision = new javafx.beans.property.ReadOnlyIntegerWrapper();
    private final javafx.beans.property.ReadOnlyIntegerWrapper progressRevision = new javafx.beans.property.ReadOnlyIntegerWrapper();
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    // Read-only views made once: a fresh wrapper per call would drop its listeners when it is collected.
    private final ObservableList<LabRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ObservableList<String> trackChoicesView = FXCollections.unmodifiableObservableList(trackChoices);
    private final ObservableList<CheckResult> resultsView = FXCollections.unmodifiableObservableList(results);
    private final ObservableList<String> problemsView = FXCollections.unmodifiableObservableList(problems);

    /**
     * @param loader   reads the catalogue (built-in and instructors' labs); runs on the executor
     * @param progress where started / passed / hints are kept
     * @param notices  where to tell the learner about load problems and failed saves
     */
    public LabsViewModel(Callable<LabLoadResult> loader, LabProgress progress, UiExecutor executor,
                         Consumer<String> notices) {
        this.loader = loader;
        this.progress = progress;
        this.executor = executor;
        this.notices = notices;
        progress.loadNotice().ifPresent(notices);
        trackFilter.addListener((obs, was, now) -> refreshRows());
    }

    /** What "Open in Key Lab" does with a lab's sandbox (the app points the Key Lab at it and shows it). */
    public void setKeyLabOpener(BiConsumer<Lab, LabSandbox> opener) {
        this.keyLabOpener = opener;
    }

    /** Reads the catalogue in the background; instructors' files with problems are reported and skipped. */
    public void load() {
        executor.submit(loader, result -> {
            catalogue = result.catalogue();
            problems.setAll(result.problems().stream().map(Object::toString).collect(Collectors.toList()));
            if (!result.problems().isEmpty()) {
                long files = result.problems().stream().map(p -> p.file()).distinct().count();
                notices.accept("Some lab files have problems and were skipped (" + files + " file"
                        + (files == 1 ? "" : "s") + "); the Labs section lists what is wrong.");
            }
            List<String> tracks = new ArrayList<>();
            tracks.add(ALL_TRACKS);
            catalogue.labs().stream().flatMap(l -> l.tracks().stream()).distinct().sorted().forEach(tracks::add);
            trackChoices.setAll(tracks);
            refreshRows();
            loaded.set(true);
            if (pendingOpen != null) {
                String id = pendingOpen;
                pendingOpen = null;
                open(id);
            }
        }, e -> notices.accept("The labs could not be loaded: " + e.getMessage()));
    }

    /**
     * Reads the catalogue again (a lab file was imported while the app runs) and then opens {@code labId}, which
     * the catalogue read before may not have had.
     */
    public void reloadAndOpen(String labId) {
        pendingOpen = labId;
        load();
    }

    private void refreshRows() {
        String track = trackFilter.get();
        List<Lab> shown = track == null || ALL_TRACKS.equals(track) ? catalogue.labs() : catalogue.forTrack(track);
        rows.setAll(shown.stream().map(l -> new LabRow(l.id(), l.title(), l.tracks(), progress.started(l.id()),
                progress.passed(l.id()))).collect(Collectors.toList()));
    }

    /**
     * Opens a lab's page: its sandbox is built (once) in the background and the lab is marked started. Called before
     * the catalogue has loaded (a link followed at start-up), it opens the lab once it has.
     */
    public void open(String labId) {
        if (!loaded.get()) {
            pendingOpen = labId; // opened as soon as the catalogue is in
            return;
        }
        Optional<Lab> found = catalogue.lab(labId);
        if (found.isEmpty()) {
            return;
        }
        Lab l = found.get();
        if (l.equals(lab.get())) {
            return;
        }
        lab.set(l);
        results.clear();
        solution.set("");
        status.set("");
        hintRevision.set(hintRevision.get() + 1);
        save(() -> progress.markStarted(l.id()));
        refreshRows();
        if (!sandboxes.containsKey(l.id())) {
            build(l, null);
        }
    }

    private void build(Lab l, Runnable then) {
        busy.set(true);
        status.set("Setting up the lab's sandbox…");
        executor.submit(() -> LabSandbox.start(l), sandbox -> {
            LabSandbox old = sandboxes.put(l.id(), sandbox);
            if (old != null) {
                old.close();
            }
            busy.set(false);
            sandboxRevision.set(sandboxRevision.get() + 1);
            if (l.equals(lab.get())) {
                status.set("The sandbox is ready: keys " + String.join(", ", sandbox.keys().keySet()) + ".");
            }
            if (then != null) {
                then.run();
            }
        }, e -> {
            busy.set(false);
            status.set("The lab could not be set up: " + e.getMessage());
        });
    }

    /** The open lab's sandbox, once built. */
    public Optional<LabSandbox> sandbox() {
        Lab l = lab.get();
        return l == null ? Optional.empty() : Optional.ofNullable(sandboxes.get(l.id()));
    }

    /** Points the Key Lab at the open lab's sandbox. */
    public void openInKeyLab() {
        Lab l = lab.get();
        sandbox().ifPresentOrElse(s -> keyLabOpener.accept(l, s),
                () -> status.set("The sandbox is still being set up; try again in a moment."));
    }

    /** Reveals the next hint of a step, and counts it. */
    public void revealHint(int stepIndex) {
        Lab l = lab.get();
        if (l == null || stepIndex < 0 || stepIndex >= l.steps().size()) {
            return;
        }
        int[] shown = hintsShown.computeIfAbsent(l.id(), id -> new int[l.steps().size()]);
        LabStep step = l.steps().get(stepIndex);
        if (shown[stepIndex] >= step.hints().size()) {
            return;
        }
        shown[stepIndex]++;
        save(() -> progress.hintRevealed(l.id(), l.hintCount()));
        hintRevision.set(hintRevision.get() + 1);
    }

    /** The hints of a step revealed so far in this session. */
    public List<String> visibleHints(int stepIndex) {
        Lab l = lab.get();
        if (l == null) {
            return List.of();
        }
        int[] shown = hintsShown.get(l.id());
        int n = shown == null ? 0 : shown[stepIndex];
        return l.steps().get(stepIndex).hints().subList(0, n);
    }

    public boolean moreHints(int stepIndex) {
        Lab l = lab.get();
        return l != null && visibleHints(stepIndex).size() < l.steps().get(stepIndex).hints().size();
    }

    /** Hints used in this lab so far (all sessions). */
    public int hintsUsed() {
        Lab l = lab.get();
        return l == null ? 0 : progress.hintsUsed(l.id());
    }

    /** Runs every check against the sandbox; the lab is passed the first time all of them pass. */
    public void checkMyWork() {
        Lab l = lab.get();
        Optional<LabSandbox> s = sandbox();
        if (l == null || s.isEmpty()) {
            status.set("The sandbox is still being set up; try again in a moment.");
            return;
        }
        busy.set(true);
        executor.submit(() -> s.get().check(), checked -> {
            busy.set(false);
            results.setAll(checked);
            long passed = checked.stream().filter(CheckResult::passed).count();
            boolean all = passed == checked.size();
            status.set(all ? "Every check passed — lab complete." : passed + " of " + checked.size()
                    + " checks passed.");
            save(() -> progress.checked(l.id(), all));
            refreshRows();
        }, e -> {
            busy.set(false);
            status.set("The checks could not run: " + e.getMessage());
        });
    }

    /** Shows the reference solution: the operations in order and why they are right. */
    public void showSolution() {
        Lab l = lab.get();
        if (l == null) {
            return;
        }
        StringBuilder sb = new StringBuilder(l.solution().explanation()).append("\n\n");
        int i = 1;
        for (LabOperation op : l.solution().operations()) {
            sb.append(i++).append(". ").append(op.describe()).append('\n');
            // Policies are the heart of most solutions: show them whole, as the learner would type them.
            op.args().json("policy").ifPresent(p -> sb.append(resolved(p)).append('\n'));
        }
        solution.set(sb.toString().trim());
    }

    /** A key named in the solution may not exist yet (the learner has not created it): then it stays a placeholder. */
    private String resolved(String policy) {
        Optional<LabSandbox> s = sandbox();
        if (s.isEmpty()) {
            return policy;
        }
        try {
            return s.get().resolve(policy);
        } catch (IllegalArgumentException e) {
            return policy.replace("${account}", s.get().account());
        }
    }

    /**
     * Throws away the lab's sandbox and builds it again from the starting state. If the Key Lab shows this sandbox it
     * is pointed at the new one.
     */
    public void reset() {
        Lab l = lab.get();
        if (l == null) {
            return;
        }
        results.clear();
        LabSandbox before = sandboxes.get(l.id());
        build(l, () -> {
            status.set("The lab is back at its start.");
            if (before != null && resetListener != null) {
                resetListener.accept(l, sandboxes.get(l.id()));
            }
        });
    }

    private BiConsumer<Lab, LabSandbox> resetListener;

    /** Told after a reset, so a Key Lab showing the old sandbox can follow the new one. */
    public void setResetListener(BiConsumer<Lab, LabSandbox> listener) {
        this.resetListener = listener;
    }

    private interface Save {
        void run() throws IOException;
    }

    private void save(Save change) {
        try {
            change.run();
            progressRevision.set(progressRevision.get() + 1);
        } catch (IOException e) {
            notices.accept("Lab progress could not be saved: " + e.getMessage());
        }
    }

    public LabCatalogue catalogue() {
        return catalogue;
    }

    public LabProgress progress() {
        return progress;
    }

    public ObservableList<LabRow> rows() {
        return rowsView;
    }

    public ObservableList<String> trackChoices() {
        return trackChoicesView;
    }

    public StringProperty trackFilterProperty() {
        return trackFilter;
    }

    public ReadOnlyObjectProperty<Lab> labProperty() {
        return lab.getReadOnlyProperty();
    }

    public ObservableList<CheckResult> results() {
        return resultsView;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty solutionProperty() {
        return solution.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /**
     * Changes after every saved progress change (lab started, hint revealed, checks run, lab passed), so that other
     * screens showing lab progress (a learning path) can refresh from {@link #progress()}.
     */
    public ReadOnlyIntegerProperty progressRevisionProperty() {
        return progressRevision.getReadOnlyProperty();
    }

    /** Changes whenever a sandbox is (re)built, so the view shows its keys and saved ciphertexts. */
    public ReadOnlyIntegerProperty sandboxRevisionProperty() {
        return sandboxRevision.getReadOnlyProperty();
    }

    /** Changes whenever hints are revealed or another lab opens, so the view redraws the steps. */
    public ReadOnlyIntegerProperty hintRevisionProperty() {
        return hintRevision.getReadOnlyProperty();
    }

    /** Problems of lab files that were skipped, as {@code file:line:column: field: message}. */
    public ObservableList<String> problems() {
        return problemsView;
    }

    /** Closes every sandbox (the app is closing). */
    public void close() {
        sandboxes.values().forEach(LabSandbox::close);
        sandboxes.clear();
    }
}
