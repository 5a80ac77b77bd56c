package dev.kmslab.ui.quiz.exam;

import dev.kmslab.study.quiz.exam.ExamSession;
import dev.kmslab.study.quiz.exam.GridItem;
import dev.kmslab.ui.quiz.common.QuizKeys;
import dev.kmslab.ui.quiz.answer.AnswerDraft;
import java.time.Duration;
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
 * A running exam: the current question, the grid, the countdown and flags. Answers are recorded as they are given
 * (no feedback before submit). The view's timer calls {@link #tick()} every second; when the session finds its time
 * up it submits itself and this model reports the end exactly once.
 */
public final class ExamViewModel implements QuizKeys {

    /** Below this, the timer turns to a warning colour. */
    public static final Duration LOW_TIME = Duration.ofMinutes(5);

    private final ExamSession session;
    private final Consumer<ExamSession> onFinished;
    private final javafx.beans.property.ReadOnlyObjectWrapper<AnswerDraft> draft = new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private final ObservableList<GridItem> grid = FXCollections.observableArrayList();
    private final javafx.beans.property.ReadOnlyIntegerWrapper index = new javafx.beans.property.ReadOnlyIntegerWrapper();
    private final javafx.beans.property.ReadOnlyStringWrapper remaining = new javafx.beans.property.ReadOnlyStringWrapper();
    private final javafx.beans.property.ReadOnlyBooleanWrapper lowTime = new javafx.beans.property.ReadOnlyBooleanWrapper();
    private final javafx.beans.property.ReadOnlyBooleanWrapper flagged = new javafx.beans.property.ReadOnlyBooleanWrapper();
    private final javafx.beans.property.ReadOnlyBooleanWrapper submitted = new javafx.beans.property.ReadOnlyBooleanWrapper();
    private final javafx.beans.property.ReadOnlyStringWrapper position = new javafx.beans.property.ReadOnlyStringWrapper();
    private final dev.kmslab.ui.common.DialogService dialogs;

    /** @param onFinished called once with the submitted session (by the learner or at time-out) */
    public ExamViewModel(ExamSession session, Consumer<ExamSession> onFinished) {
        this(session, onFinished, dev.kmslab.ui.common.DialogService.none());
    }

    /**
     * @param onFinished called once with the submitted session (by the learner or at time-out)
     * @param dialogs asks before submitting
     */
    public ExamViewModel(ExamSession session, Consumer<ExamSession> onFinished, dev.kmslab.ui.common.DialogService dialogs) {
        this.dialogs = dialogs;
        this.session = session;
        this.onFinished = onFinished;
        show();
        tick();
    }

    public ExamSession session() {
        return session;
    }

    public javafx.beans.property.ReadOnlyObjectProperty<AnswerDraft> draftProperty() {
        return draft.getReadOnlyProperty();
    }

    public ObservableList<GridItem> grid() {
        return grid;
    }

    /** 0-based index of the question shown. */
    public javafx.beans.property.ReadOnlyIntegerProperty indexProperty() {
        return index.getReadOnlyProperty();
    }

    /** Time left as m:ss (h:mm:ss for long exams). */
    public javafx.beans.property.ReadOnlyStringProperty remainingProperty() {
        return remaining.getReadOnlyProperty();
    }

    public javafx.beans.property.ReadOnlyBooleanProperty lowTimeProperty() {
        return lowTime.getReadOnlyProperty();
    }

    public javafx.beans.property.ReadOnlyBooleanProperty flaggedProperty() {
        return flagged.getReadOnlyProperty();
    }

    public javafx.beans.property.ReadOnlyBooleanProperty submittedProperty() {
        return submitted.getReadOnlyProperty();
    }

    public javafx.beans.property.ReadOnlyStringProperty positionProperty() {
        return position.getReadOnlyProperty();
    }

    public String title() {
        return session.track().exam() + " practice exam · " + session.size() + " questions · "
                + format(session.duration());
    }

    public boolean canGoNext() {
        return session.canGoNext();
    }

    public boolean canGoPrevious() {
        return session.canGoPrevious();
    }

    public void goTo(int i) {
        if (open()) {
            session.goTo(i);
            show();
        }
    }

    @Override
    public boolean next() {
        if (!open() || !session.canGoNext()) {
            return false;
        }
        session.next();
        show();
        return true;
    }

    @Override
    public boolean previous() {
        if (!open() || !session.canGoPrevious()) {
            return false;
        }
        session.previous();
        show();
        return true;
    }

    @Override
    public boolean flag() {
        if (!open()) {
            return false;
        }
        session.toggleFlag();
        flagged.set(session.isFlagged(session.currentIndex()));
        refreshGrid();
        return true;
    }

    @Override
    public boolean number(int n) {
        return open() && draft.get().choose(n);
    }

    /** Enter moves to the next question; the exam itself is only submitted with the Submit button. */
    @Override
    public boolean enter() {
        return next();
    }

    public long unanswered() {
        return session.size() - session.answeredCount();
    }

    public long flaggedCount() {
        return session.grid().stream().filter(GridItem::flagged).count();
    }

    /** The question the submit confirmation asks; it warns about unanswered and flagged questions. */
    public String submitQuestion() {
        StringBuilder sb = new StringBuilder("Submit the exam now? You cannot change answers afterwards.");
        long open = unanswered();
        if (open > 0) {
            sb.append("\n\n").append(open).append(open == 1 ? " question is" : " questions are")
                    .append(" unanswered; unanswered questions count as wrong.");
        }
        long flags = flaggedCount();
        if (flags > 0) {
            sb.append("\n").append(flags).append(flags == 1 ? " question is" : " questions are")
                    .append(" flagged for review.");
        }
        return sb.toString();
    }

    /** Polled by the view's timer: refreshes the countdown and finishes the exam when the time is up. */
    public void tick() {
        if (submitted.get()) {
            return;
        }
        Duration left = session.remaining();
        remaining.set(format(left));
        lowTime.set(left.compareTo(LOW_TIME) < 0);
        if (session.isSubmitted()) {
            finish();
        }
    }

    /**
     * "Submit": asks first, warning about open and flagged questions; if the time runs out while the question is
     * open, the exam is already submitted and the question closes unanswered.
     */
    public void askToSubmit() {
        if (submitted.get()) {
            return;
        }
        dialogs.confirm(new dev.kmslab.ui.common.DialogService.Confirmation("Submit the exam", submitQuestion(), "Submit"), submitted,
                this::submit);
    }

    public void submit() {
        if (submitted.get()) {
            return;
        }
        session.submit();
        finish();
    }

    private boolean open() {
        if (submitted.get()) {
            return false;
        }
        if (session.isSubmitted()) {
            finish();
            return false;
        }
        return true;
    }

    private void finish() {
        submitted.set(true);
        remaining.set(format(session.remaining()));
        onFinished.accept(session);
    }

    private void show() {
        int i = session.currentIndex();
        AnswerDraft d = new AnswerDraft(session.current());
        d.restore(session.answerAt(i).orElse(null));
        d.revisionProperty().addListener((obs, was, now) -> record(d));
        // Everything the view reads is set before the draft, whose change makes the view redraw.
        index.set(i);
        flagged.set(session.isFlagged(i));
        position.set("Question " + (i + 1) + " of " + session.size());
        refreshGrid();
        draft.set(d);
    }

    private void record(AnswerDraft d) {
        if (!open()) {
            d.lockedProperty().set(true);
            return;
        }
        if (d.completeProperty().get() && d.touchedProperty().get()) {
            session.answer(d.toAnswer());
        } else {
            session.clearAnswer();
        }
        refreshGrid();
    }

    private void refreshGrid() {
        grid.setAll(session.grid());
    }

    static String format(Duration d) {
        long s = Math.max(0, d.getSeconds());
        if (s >= 3600) {
            return String.format(java.util.Locale.ROOT, "%d:%02d:%02d", s / 3600, (s % 3600) / 60, s % 60);
        }
        return String.format(java.util.Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
