package dev.kmslab.ui.quiz.review;

import dev.kmslab.study.quiz.Attempt;
import dev.kmslab.study.quiz.Feedback;
import dev.kmslab.study.quiz.srs.Card;
import dev.kmslab.study.quiz.srs.FsrsScheduler;
import dev.kmslab.study.quiz.srs.IntervalFormat;
import dev.kmslab.study.quiz.srs.Grade;
import dev.kmslab.study.quiz.srs.ReviewSession;
import dev.kmslab.ui.quiz.common.QuizKeys;
import dev.kmslab.ui.quiz.answer.AnswerDraft;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Spaced repetition for one track: answer, read the feedback, rate the recall; each rating is saved at once with the
 * card's next due date. After a wrong answer only Again is offered (FSRS counts any other grade as recalled).
 */
public final class ReviewViewModel implements QuizKeys {

    private final ReviewSession session;
    private final String trackId;
    private final Consumer<Card> saveCard;
    private final Consumer<List<Attempt>> saveAttempts;
    private final javafx.beans.property.ReadOnlyObjectWrapper<AnswerDraft> draft = new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private final javafx.beans.property.ReadOnlyObjectWrapper<Feedback> feedback = new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private final ObservableList<Grade> grades = FXCollections.observableArrayList();
    private final javafx.beans.property.ReadOnlyBooleanWrapper finished = new javafx.beans.property.ReadOnlyBooleanWrapper();
    private final javafx.beans.property.ReadOnlyIntegerWrapper reviewed = new javafx.beans.property.ReadOnlyIntegerWrapper();
    private final javafx.beans.property.ReadOnlyStringWrapper position = new javafx.beans.property.ReadOnlyStringWrapper();
    private final FsrsScheduler scheduler;
    private final Clock clock;
    private final Map<Grade, String> previews = new EnumMap<>(Grade.class);

    public ReviewViewModel(ReviewSession session, String trackId, Consumer<Card> saveCard,
                           Consumer<List<Attempt>> saveAttempts, FsrsScheduler scheduler, Clock clock) {
        this.session = session;
        this.scheduler = scheduler;
        this.clock = clock;
        this.trackId = trackId;
        this.saveCard = saveCard;
        this.saveAttempts = saveAttempts;
        show();
    }

    public String trackId() {
        return trackId;
    }

    public javafx.beans.property.ReadOnlyObjectProperty<AnswerDraft> draftProperty() {
        return draft.getReadOnlyProperty();
    }

    public javafx.beans.property.ReadOnlyObjectProperty<Feedback> feedbackProperty() {
        return feedback.getReadOnlyProperty();
    }

    /** The grades the learner may pick now; empty until the answer is submitted. */
    public ObservableList<Grade> grades() {
        return grades;
    }

    /**
     * Each grade's next interval ("&lt;10 min", "3 d") for the card shown, computed by the scheduler from the moment
     * the answer was submitted; empty before.
     */
    public Map<Grade, String> previews() {
        return Map.copyOf(previews);
    }

    public javafx.beans.property.ReadOnlyBooleanProperty finishedProperty() {
        return finished.getReadOnlyProperty();
    }

    public javafx.beans.property.ReadOnlyIntegerProperty reviewedProperty() {
        return reviewed.getReadOnlyProperty();
    }

    public javafx.beans.property.ReadOnlyStringProperty positionProperty() {
        return position.getReadOnlyProperty();
    }

    public int size() {
        return session.size();
    }

    public boolean canSubmit() {
        return draft.get() != null && feedback.get() == null && draft.get().completeProperty().get();
    }

    public void submit() {
        if (!canSubmit()) {
            return;
        }
        Feedback f = session.submit(draft.get().toAnswer());
        draft.get().lockedProperty().set(true);
        List<Attempt> attempts = session.attempts();
        saveAttempts.accept(List.of(attempts.get(attempts.size() - 1)));
        previews.clear();
        Map<Grade, Duration> next = scheduler.preview(session.currentCard(), clock.instant());
        next.forEach((g, d) -> previews.put(g, IntervalFormat.of(d)));
        grades.setAll(session.allowedGrades());
        feedback.set(f);
    }

    /** Schedules the card with the grade, saves it and shows the next card. */
    public void rate(Grade grade) {
        if (!grades.contains(grade)) {
            return;
        }
        saveCard.accept(session.rate(grade));
        reviewed.set(reviewed.get() + 1);
        show();
    }

    /** Before the feedback 1–6 pick options; after it 1–4 rate (Again, Hard, Good, Easy), as in flashcard apps. */
    @Override
    public boolean number(int n) {
        if (feedback.get() != null) {
            if (n < 1 || n > Grade.values().length || !grades.contains(Grade.values()[n - 1])) {
                return false;
            }
            rate(Grade.values()[n - 1]);
            return true;
        }
        return draft.get() != null && draft.get().choose(n);
    }

    /** Enter submits; after the feedback it rates Good (or Again when the answer was wrong). */
    @Override
    public boolean enter() {
        if (feedback.get() != null) {
            rate(grades.contains(Grade.GOOD) ? Grade.GOOD : Grade.AGAIN);
            return true;
        }
        if (canSubmit()) {
            submit();
            return true;
        }
        return false;
    }

    private void show() {
        feedback.set(null);
        grades.clear();
        if (session.isFinished()) {
            position.set(reviewed.get() == 0 ? "Nothing to review for " + trackId + " right now."
                    : "Done: " + reviewed.get() + (reviewed.get() == 1 ? " card" : " cards") + " reviewed.");
            finished.set(true);
            draft.set(null);
            return;
        }
        position.set("Card " + (reviewed.get() + 1) + " of " + session.size());
        draft.set(new AnswerDraft(session.current()));
    }
}
