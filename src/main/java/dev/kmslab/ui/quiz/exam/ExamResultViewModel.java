package dev.kmslab.ui.quiz.exam;

import dev.kmslab.study.quiz.Track;
import dev.kmslab.study.quiz.exam.DomainScore;
import dev.kmslab.study.quiz.exam.ExamResult;
import dev.kmslab.study.quiz.exam.ReviewEntry;
import dev.kmslab.study.quiz.exam.ReviewFilter;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The result page: score against the pass mark, the domain breakdown and a filterable review. */
public final class ExamResultViewModel {

    private final ExamResult result;
    private final Track track;
    private final javafx.beans.property.ReadOnlyObjectWrapper<ReviewFilter> filter = new javafx.beans.property.ReadOnlyObjectWrapper<>(ReviewFilter.ALL);
    private final ObservableList<ReviewEntry> entries = FXCollections.observableArrayList();

    public ExamResultViewModel(ExamResult result, Track track) {
        this.result = result;
        this.track = track;
        filter.addListener((obs, was, now) -> entries.setAll(result.review(now)));
        entries.setAll(result.review(ReviewFilter.ALL));
    }

    public ExamResult result() {
        return result;
    }

    public Track track() {
        return track;
    }

    public javafx.beans.property.ReadOnlyObjectProperty<ReviewFilter> filterProperty() {
        return filter.getReadOnlyProperty();
    }

    /** Which questions the review list shows. */
    public void setFilter(ReviewFilter value) {
        filter.set(value);
    }

    /** The review entries the filter lets through, in exam order. */
    public ObservableList<ReviewEntry> entries() {
        return entries;
    }

    public int count(ReviewFilter f) {
        return result.review(f).size();
    }

    public String verdict() {
        return result.passed() ? "PASS" : "FAIL";
    }

    public String scoreLine() {
        return result.scaledScore() + " / 1000 · pass mark " + result.passMark();
    }

    public String rawLine() {
        String line = result.correct() + " of " + result.total() + " correct";
        return result.timedOut() ? line + " · submitted automatically when the time ran out" : line;
    }

    /** Only the domains the draw actually covered; an empty domain has no meaningful percentage. */
    public List<DomainScore> domains() {
        return result.domains().stream().filter(d -> d.total() > 0).toList();
    }

    public static String domainLine(DomainScore d) {
        return d.correct() + " of " + d.total() + " correct (" + Math.round(d.percent()) + "%)";
    }
}
