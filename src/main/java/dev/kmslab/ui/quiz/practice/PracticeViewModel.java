package dev.kmslab.ui.quiz.practice;

import dev.kmslab.study.quiz.Attempt;
import dev.kmslab.study.quiz.Feedback;
import dev.kmslab.study.quiz.Question;
import dev.kmslab.study.quiz.practice.PracticeFilter;
import dev.kmslab.study.quiz.practice.PracticeSession;
import dev.kmslab.ui.quiz.QuizKeys;
import dev.kmslab.ui.quiz.answer.AnswerDraft;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** A practice run: one question at a time, Submit shows the feedback at once, Next moves on. */
public final class PracticeViewModel implements QuizKeys {

    private final PracticeSession session;
    private final PracticeFilter filter;
    private final Consumer<List<Attempt>> save;
    private final ObjectProperty<AnswerDraft> draft = new SimpleObjectProperty<>();
    private final ObjectProperty<Feedback> feedback = new SimpleObjectProperty<>();
    private final BooleanProperty finished = new SimpleBooleanProperty();
    private final StringProperty position = new SimpleStringProperty();
    private final StringProperty score = new SimpleStringProperty();

    /**
     * @param filter the filter the session was drawn with (its tracks decide which domain is shown)
     * @param save   persists each answer's attempt as soon as it is marked
     */
    public PracticeViewModel(PracticeSession session, PracticeFilter filter, Consumer<List<Attempt>> save) {
        this.session = session;
        this.filter = filter;
        this.save = save;
        show();
    }

    public PracticeSession session() {
        return session;
    }

    /** The response being built; null when the filter matched nothing. */
    public ObjectProperty<AnswerDraft> draftProperty() {
        return draft;
    }

    /** The feedback of the current question once it is submitted; null before. */
    public ObjectProperty<Feedback> feedbackProperty() {
        return feedback;
    }

    /** True after the last question has been answered and the learner asked for more. */
    public BooleanProperty finishedProperty() {
        return finished;
    }

    public StringProperty positionProperty() {
        return position;
    }

    public StringProperty scoreProperty() {
        return score;
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
        save.accept(List.of(attempts.get(attempts.size() - 1)));
        updateScore();
        feedback.set(f);
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
        score.set(session.correctCount() + " of " + session.attempts().size() + " correct so far");
    }
}
