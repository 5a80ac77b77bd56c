package dev.kmslab.ui.quiz.practice;

import dev.kmslab.study.quiz.Domain;
import dev.kmslab.study.quiz.QuestionBank;
import dev.kmslab.study.quiz.Topic;
import dev.kmslab.study.quiz.Track;
import dev.kmslab.study.quiz.practice.PracticeFilter;
import dev.kmslab.study.quiz.practice.PracticeSession;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;

/**
 * Choosing what to practise: tracks, exam domains (of the chosen tracks) and topics; nothing ticked in a group means
 * "any". The number of matching questions follows every change so the learner never starts an empty session.
 */
public final class PracticeSetupViewModel {

    /** The session lengths offered: 10, 20 or all matching questions. */
    public static final int[] LENGTHS = {10, 20, PracticeSession.ALL};
    public static final int DEFAULT_LENGTH = 10;

    private final QuestionBank bank;
    private final ObservableSet<String> tracks = FXCollections.observableSet();
    private final ObservableSet<String> domains = FXCollections.observableSet();
    private final ObservableSet<String> topics = FXCollections.observableSet();
    private final ObservableList<String> availableDomains = FXCollections.observableArrayList();
    private final javafx.beans.property.ReadOnlyIntegerWrapper matching = new javafx.beans.property.ReadOnlyIntegerWrapper();
    private final javafx.beans.property.ReadOnlyIntegerWrapper length = new javafx.beans.property.ReadOnlyIntegerWrapper(DEFAULT_LENGTH);

    public PracticeSetupViewModel(QuestionBank bank, String trackId) {
        this.bank = bank;
        if (trackId != null) {
            tracks.add(trackId);
        }
        tracks.addListener((SetChangeListener<String>) c -> {
            refreshDomains();
            recount();
        });
        domains.addListener((SetChangeListener<String>) c -> recount());
        topics.addListener((SetChangeListener<String>) c -> recount());
        refreshDomains();
        recount();
    }

    public List<Track> allTracks() {
        return bank.catalog().tracks();
    }

    /** Topics that at least one question of the bank covers. */
    public List<Topic> allTopics() {
        Set<String> used = bank.all().stream().flatMap(q -> q.topics().stream()).collect(Collectors.toSet());
        return bank.catalog().topics().stream().filter(t -> used.contains(t.id())).collect(Collectors.toList());
    }

    public ObservableSet<String> tracks() {
        return tracks;
    }

    public ObservableSet<String> domains() {
        return domains;
    }

    public ObservableSet<String> topics() {
        return topics;
    }

    /** Domains of the chosen tracks (of every track when none is chosen), without repeats. */
    public ObservableList<String> availableDomains() {
        return availableDomains;
    }

    public javafx.beans.property.ReadOnlyIntegerProperty matchingProperty() {
        return matching.getReadOnlyProperty();
    }

    /** Questions per session: 10, 20 or {@link PracticeSession#ALL}. */
    public javafx.beans.property.ReadOnlyIntegerProperty lengthProperty() {
        return length.getReadOnlyProperty();
    }

    /** Questions in the session. */
    public void setLength(int value) {
        length.set(value);
    }

    public PracticeFilter filter() {
        return new PracticeFilter(tracks, domains, topics);
    }

    private void refreshDomains() {
        Set<String> names = new LinkedHashSet<>();
        for (Track t : bank.catalog().tracks()) {
            if (tracks.isEmpty() || tracks.contains(t.id())) {
                t.domains().stream().map(Domain::name).forEach(names::add);
            }
        }
        availableDomains.setAll(names);
        domains.retainAll(names);
    }

    private void recount() {
        PracticeFilter filter = filter();
        matching.set(bank.filter(filter::matches).size());
    }
}
