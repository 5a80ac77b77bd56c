package dev.kmslab.ui.path;

import dev.kmslab.study.content.Concept;
import dev.kmslab.study.content.StudyContent;
import dev.kmslab.study.content.Topic;
import dev.kmslab.study.content.Track;
import dev.kmslab.study.labs.Lab;
import dev.kmslab.study.path.LearningPaths;
import dev.kmslab.study.path.PathLabs;
import dev.kmslab.study.path.PathModule;
import dev.kmslab.study.path.PathProgress;
import dev.kmslab.study.path.StudyProgress;
import dev.kmslab.study.path.TrackPath;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * "Start here": the exam the learner chose and its path of modules, each step ticked from what the learner really
 * did. It takes the facts as they happen — a page read to its end, a flow played to its last step — and is handed the
 * lab and quiz records when they load or change; it never ticks anything on its own.
 */
public final class LearningPathViewModel {

    /** An exam in the chooser; a retired one is shown with its note but cannot be chosen. */
    public record TrackChoice(String id, String exam, String name, boolean retired, String retiredNote) {
    }

    private final StudyProgress store;
    private final Consumer<String> errors;
    private final ObservableList<TrackChoice> tracks = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper track = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<PathProgress> progress = new ReadOnlyObjectWrapper<>();
    private StudyContent content;
    private LearningPaths paths = LearningPaths.empty();
    private PathLabs labs = PathLabs.none();
    private Map<String, Integer> answers = Map.of();

    /** @param errors where a failed save is reported (the shell's notices); the tick then stays off */
    public LearningPathViewModel(StudyProgress store, Consumer<String> errors) {
        this.store = store;
        this.errors = errors;
        track.set(store.track().orElse(null));
    }

    public ObservableList<TrackChoice> tracks() {
        return tracks;
    }

    /** The chosen track id, or null before the learner chose. */
    public ReadOnlyStringProperty trackProperty() {
        return track.getReadOnlyProperty();
    }

    /** The chosen track's path with its ticks; null before a track is chosen or while content loads. */
    public ReadOnlyObjectProperty<PathProgress> progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public void setContent(StudyContent content, LearningPaths paths) {
        this.content = content;
        this.paths = paths;
        tracks.setAll(content.tracks().stream().map(t -> new TrackChoice(t.id(), t.exam(), t.name(), t.retired(),
                t.retiredNote() == null ? "" : t.retiredNote())).collect(Collectors.toList()));
        refresh();
    }

    public void setLabs(PathLabs labs) {
        this.labs = labs;
        refresh();
    }

    /** Answers per quiz topic, from the quiz history; called whenever it changes. */
    public void setAnswers(Map<String, Integer> answeredByTopic) {
        this.answers = Map.copyOf(answeredByTopic);
        refresh();
    }

    public void chooseTrack(String trackId) {
        Optional<TrackChoice> choice = tracks.stream().filter(t -> t.id().equals(trackId)).findFirst();
        if (choice.isEmpty() || choice.get().retired()) {
            return;
        }
        try {
            store.chooseTrack(trackId);
        } catch (IOException e) {
            errors.accept("Your choice of exam could not be saved (" + e.getMessage() + ").");
        }
        track.set(trackId);
        refresh();
    }

    /** The learner read a concept page to its end. */
    public void pageRead(String conceptId) {
        record(() -> store.markPageRead(conceptId), "that you read this page");
    }

    /** The learner played or stepped a catalogue flow through to its last step. */
    public void flowFinished(String flowId) {
        record(() -> store.markFlowFinished(flowId), "that you watched this flow");
    }

    private interface Mark {
        boolean run() throws IOException;
    }

    private void record(Mark mark, String what) {
        try {
            if (mark.run()) {
                refresh();
            }
        } catch (IOException e) {
            errors.accept("Could not save " + what + " (" + e.getMessage() + "); the path tick stays off.");
        }
    }

    /** Recomputes the ticks, e.g. after a lab's "Check my work". */
    public void refresh() {
        Optional<TrackPath> path = track.get() == null ? Optional.empty() : paths.forTrack(track.get());
        progress.set(path.map(p -> PathProgress.of(p, store.snapshot(), labs, answers)).orElse(null));
    }

    public Optional<TrackPath> path() {
        return progress.get() == null ? Optional.empty() : Optional.of(progress.get().path());
    }

    public String intro() {
        return path().map(TrackPath::intro).orElse("");
    }

    public String conceptTitle(String conceptId) {
        return content == null ? conceptId : content.concept(conceptId).map(Concept::title).orElse(conceptId);
    }

    public String topicTitle(String topicId) {
        return content == null ? topicId : content.topics().stream().filter(t -> t.id().equals(topicId))
                .map(Topic::title).findFirst().orElse(topicId);
    }

    public Optional<String> labTitle(PathModule module) {
        return track.get() == null ? Optional.empty() : labs.labFor(module, track.get()).map(Lab::title);
    }

    public Optional<Track> chosenTrack() {
        return content == null || track.get() == null ? Optional.empty() : content.track(track.get());
    }

    public List<String> problems(java.util.Set<String> labIds) {
        return paths.unknownLabs(labIds).stream().map(Object::toString).collect(Collectors.toList());
    }
}
