package dev.kmslab.ui.quiz.home;

import dev.kmslab.study.quiz.QuestionBank;
import dev.kmslab.study.quiz.Topic;
import dev.kmslab.study.quiz.Track;
import dev.kmslab.study.quiz.progress.ScorePoint;
import dev.kmslab.study.quiz.progress.TopicAccuracy;
import dev.kmslab.study.quiz.srs.Card;
import dev.kmslab.study.quiz.srs.FsrsScheduler;
import dev.kmslab.study.quiz.srs.Readiness;
import dev.kmslab.study.quiz.srs.StudyCounts;
import dev.kmslab.ui.quiz.common.QuizStore;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The home page's numbers: a card per track, and for the chosen track its scores over time and weakest topics. */
public final class ProgressViewModel {

    /** A topic needs this many answers before its accuracy says anything. */
    public static final int MIN_ATTEMPTS_PER_TOPIC = 2;
    public static final int WEAKEST_SHOWN = 5;

    /** A weak topic as shown: title and accuracy. */
    public record WeakTopic(String title, int correct, int attempts) {
        public int percent() {
            return attempts == 0 ? 0 : (int) Math.round(100.0 * correct / attempts);
        }
    }

    private final Clock clock;
    private final FsrsScheduler scheduler;
    private final ObservableList<TrackSummary> tracks = FXCollections.observableArrayList();
    private final javafx.beans.property.ReadOnlyStringWrapper chartTrack = new javafx.beans.property.ReadOnlyStringWrapper("SAA");
    private final ObservableList<ScorePoint> scores = FXCollections.observableArrayList();
    private final ObservableList<WeakTopic> weakest = FXCollections.observableArrayList();
    private QuestionBank bank;
    private QuizStore store;

    public ProgressViewModel(Clock clock, FsrsScheduler scheduler) {
        this.clock = clock;
        this.scheduler = scheduler;
        chartTrack.addListener((obs, was, now) -> refreshTrack());
    }

    public ObservableList<TrackSummary> tracks() {
        return tracks;
    }

    /** The track whose history the progress panel shows. */
    public javafx.beans.property.ReadOnlyStringProperty chartTrackProperty() {
        return chartTrack.getReadOnlyProperty();
    }

    /** Charts the track {@code value} (an id such as "SAA"). */
    public void showTrack(String value) {
        chartTrack.set(value);
    }

    public ObservableList<ScorePoint> scores() {
        return scores;
    }

    public ObservableList<WeakTopic> weakest() {
        return weakest;
    }

    public int passMark() {
        return bank == null ? 0 : bank.catalog().track(chartTrack.get()).map(Track::passMark).orElse(0);
    }

    /** Recomputes everything from the bank and the store; called after loading and after every saved change. */
    public void update(QuestionBank bank, QuizStore store) {
        this.bank = bank;
        this.store = store;
        if (bank == null) {
            tracks.clear();
            return;
        }
        Map<String, Card> cards = store.cards();
        tracks.setAll(bank.catalog().tracks().stream().map(t -> summary(t, cards)).toList());
        refreshTrack();
    }

    private TrackSummary summary(Track track, Map<String, Card> cards) {
        List<ScorePoint> points = store.available() ? store.raw().scoresOverTime(track.id()) : List.of();
        OptionalInt best = points.stream().mapToInt(ScorePoint::scaledScore).max();
        OptionalInt last = points.isEmpty() ? OptionalInt.empty()
                : OptionalInt.of(points.get(points.size() - 1).scaledScore());
        StudyCounts counts = StudyCounts.of(bank, track.id(), cards, clock.instant(), clock.getZone());
        List<Readiness.DomainReadiness> readiness = Readiness.byDomain(track, bank, cards, scheduler,
                clock.instant());
        int mistakes = store.mistakes(track.id(), bank).size();
        return new TrackSummary(track, bank.forTrack(track.id()).size(), counts, readiness, mistakes, best, last,
                points.size());
    }

    private void refreshTrack() {
        if (bank == null || store == null || !store.available()) {
            scores.clear();
            weakest.clear();
            return;
        }
        scores.setAll(store.raw().scoresOverTime(chartTrack.get()));
        List<TopicAccuracy> weak = store.raw().weakestTopics(Optional.of(chartTrack.get()), MIN_ATTEMPTS_PER_TOPIC,
                WEAKEST_SHOWN);
        weakest.setAll(weak.stream().map(t -> new WeakTopic(bank.catalog().topic(t.topicId()).map(Topic::title)
                .orElse(t.topicId()), t.correct(), t.attempts())).toList());
    }
}
