package dev.kmslab.ui.quiz.practice;

import dev.kmslab.study.quiz.Attempt;
import dev.kmslab.study.quiz.Feedback;
import dev.kmslab.study.quiz.Question;
import dev.kmslab.study.quiz.practice.PracticeFilter;
import dev.kmslab.study.quiz.practice.PracticeSession;
import dev.kmslab.study.quiz.practice.PracticeState;
import dev.kmslab.study.quiz.srs.Card;
import dev.kmslab.study.quiz.srs.Grade;
import dev.kmslab.study.quiz.srs.LearningLoop;
import dev.kmslab.ui.quiz.common.QuizKeys;
import dev.kmslab.ui.quiz.answer.AnswerDraft;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A practice run: one question at a time, Submit shows the feedback at once, Next moves on. Every answer is also a
 * spaced-repetition review (wrong = Again, right = Good; "I guessed" = Hard, "Too easy" = Easy), saved together with
 * the attempt and where the session stands, so it can be resumed.
 */
public final class PracticeViewModel implements QuizKeys {

    /** Saves one answer: its attempt, the card it produced and the session's state to resume. */
    public interface Saver {
        void answer(Attempt attempt, Card card, PracticeState state);

        /** A re-graded card ("I guessed" / "Too easy") of the answer just saved. */
        void regrade(Card card);
    }

    private final PracticeSession session;
    private final PracticeFilter filter;
    private final LearningLoop loop;
    private final Clock clock;
    private final Function<String, Card> cards;
    private final Saver saver;
    private final javafx.beans.property.ReadOnlyObjectWrapper<AnswerDraft> draft = new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private final javafx.beans.property.ReadOnlyObjectWrapper<Feedback> feedback = new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private final javafx.beans.property.ReadOnlyObjectWrapper<Grade> grade = new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private final javafx.beans.property.ReadOnlyObjectWrapper<Card> card = new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private final javafx.beans.property.ReadOnlyBooleanWrapper finished = new javafx.beans.property.ReadOnlyBooleanWrapper();
    private final javafx.beans.property.ReadOnlyStringWrapper position = new javafx.beans.property.ReadOnlyStringWrapper();
    private final javafx.beans.property.ReadOnlyStringWrapper score = new javafx.beans.property.ReadOnlyStringWrapper();
    private Card before;
    private Instant answeredAt;

    /**
     * @param cards the learner's card for a question id, or null for a question never answered
     */
    public PracticeViewModel(PracticeSession session, LearningLoop loop, Clock clock, Function<String, Card> cards,
                             Saver saver) {
        this.session = session;
        this.filter = session.filter();
        this.loop = loop;
        this.clock = clock;
        this.cards = cards;
        this.saver = saver;
        show();
    }

    public PracticeSession session() {
        return session;
    }

    /** The response being built; null when the filter matched nothing. */
    public javafx.beans.property.ReadOnlyObjectProperty<AnswerDraft> draftProperty() {
        return draft.getReadOnlyProperty();
    }

    /** The feedback of the current question once it is submitted; null before. */
    public javafx.beans.property.ReadOnlyObjectProperty<Feedback> feedbackProperty() {
        return feedback.getReadOnlyProperty();
    }

    /** The grade the current answer was scheduled with; null before it is submitted. */
    public javafx.beans.property.ReadOnlyObjectProperty<Grade> gradeProperty() {
        return grade.getReadOnlyProperty();
    }

    /** The current question's card after the answer (when it is due next); null before. */
    public javafx.beans.property.ReadOnlyObjectProperty<Card> cardProperty() {
        return card.getReadOnlyProperty();
    }

    /** True after the last question has been answered and the learner asked for more. */
    public javafx.beans.property.ReadOnlyBooleanProperty finishedProperty() {
        return finished.getReadOnlyProperty();
    }

    public javafx.beans.property.ReadOnlyStringProperty positionProperty() {
        return position.getReadOnlyProperty();
    }

    public javafx.beans.property.ReadOnlyStringProperty scoreProperty() {
        return score.getReadOnlyProperty();
    }

    /** "SAA: Design Secure Architectures": the question's domain in the first practised track it serves. */
    public String domainLabel() {
        if (draft.get() == null) {
            return "";
        }
        Question q = draft.get().question().question();
        String track = q.tracks().stream().filter(t -> filter.tracks().contains(t)).findFirst()
                .orElse(q.tracks().get(0));
        return track + ": " + q.domainFor(track).orElse("");
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
        String id = f.question().id();
        before = cards.apply(id);
        answeredAt = clock.instant();
        Grade g = LearningLoop.gradeFor(f.correct());
        Card next = loop.answer(before, id, g, answeredAt);
        saver.answer(attempts.get(attempts.size() - 1), next, session.state());
        grade.set(g);
        card.set(next);
        updateScore();
        feedback.set(f);
    }

    /** Whether "I guessed" (Hard) and "Too easy" (Easy) are offered: only after a right answer. */
    public boolean canRegrade() {
        return feedback.get() != null && feedback.get().correct();
    }

    /**
     * Re-grades the answer just given (Hard for "I guessed", Easy for "Too easy", Good to undo), from the card as it
     * was before the answer, so choosing twice does not count twice.
     */
    public void regrade(Grade g) {
        if (!canRegrade() || !LearningLoop.allowedGrades(true).contains(g) || g == grade.get()) {
            return;
        }
        String id = feedback.get().question().id();
        Card next = loop.answer(before, id, g, answeredAt);
        saver.regrade(next);
        grade.set(g);
        card.set(next);
    }

    /** The next question, or the end of the session after the last one. */
    public void nextQuestion() {
        if (feedback.get() == null) {
            return;
        }
        if (session.hasNext()) {
            session.next();
            show();
        } else {
            finished.set(true);
        }
    }

    @Override
    public boolean number(int n) {
        return draft.get() != null && feedback.get() == null && draft.get().choose(n);
    }

    @Override
    public boolean enter() {
        if (feedback.get() != null) {
            nextQuestion();
            return true;
        }
        if (canSubmit()) {
            submit();
            return true;
        }
        return false;
    }

    @Override
    public boolean next() {
        if (feedback.get() == null) {
            return false;
        }
        nextQuestion();
        return true;
    }

    private void show() {
        feedback.set(null);
        grade.set(null);
        card.set(null);
        if (session.isEmpty()) {
            position.set("No question matches this choice.");
            finished.set(true);
            draft.set(null);
            return;
        }
        position.set("Question " + (session.index() + 1) + " of " + session.size());
        draft.set(new AnswerDraft(session.current()));
        updateScore();
    }

    private void updateScore() {
        score.set(session.correctCount() + " of " + session.answeredCount() + " correct so far");
    }
}
