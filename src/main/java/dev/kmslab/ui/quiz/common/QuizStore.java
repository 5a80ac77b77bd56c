package dev.kmslab.ui.quiz.common;

import dev.kmslab.study.quiz.Attempt;
import dev.kmslab.study.quiz.QuestionBank;
import dev.kmslab.study.quiz.exam.ExamResult;
import dev.kmslab.study.quiz.practice.PracticeState;
import dev.kmslab.study.quiz.progress.QuizProgressStore;
import dev.kmslab.study.quiz.srs.Card;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The quiz screens' access to the progress store: a failed save becomes a message for the learner instead of an
 * exception in the UI, and with no store at all (it could not be opened) the quizzes still work without saving.
 */
public final class QuizStore {

    private final QuizProgressStore store;
    private final Consumer<String> onError;
    private final Runnable onChange;

    public QuizStore(QuizProgressStore store, Consumer<String> onError, Runnable onChange) {
        this.store = store;
        this.onError = onError;
        this.onChange = onChange;
    }

    public boolean available() {
        return store != null;
    }

    public QuizProgressStore raw() {
        return store;
    }

    public void attempts(List<Attempt> attempts) {
        save("your answers", () -> store.recordAttempts(attempts));
    }

    public void exam(ExamResult result, List<Attempt> attempts) {
        save("the exam result", () -> {
            store.recordExam(result);
            store.recordAttempts(attempts);
        });
    }

    /** An exam's result, attempts and the cards its answers produced, saved together. */
    public void exam(ExamResult result, List<Attempt> attempts, List<Card> cards) {
        save("the exam result", () -> store.recordExam(result, attempts, cards));
    }

    public void practiceAnswer(Attempt attempt, Card card, PracticeState state) {
        save("your answer", () -> store.recordPracticeAnswer(attempt, card, state));
    }

    public void practice(PracticeState state) {
        save("the practice session", () -> store.putPractice(state));
    }

    public Optional<PracticeState> practice() {
        return store == null ? Optional.empty() : store.practice();
    }

    public void lastTrack(String trackId) {
        save("the last track", () -> store.putLastTrack(trackId));
    }

    public Optional<String> lastTrack() {
        return store == null ? Optional.empty() : store.lastTrack();
    }

    public Set<String> mistakes(String trackId, QuestionBank bank) {
        return store == null ? Set.of() : store.mistakes(trackId, bank);
    }

    public Card cardOf(String questionId) {
        return store == null ? null : store.card(questionId).orElse(null);
    }

    public void card(Card card) {
        save("the review schedule", () -> store.putCard(card));
    }

    public Map<String, Card> cards() {
        return store == null ? Map.of() : store.cards();
    }

    public boolean reset(String trackId, QuestionBank bank) {
        return save("the reset", () -> store.resetTrack(trackId, bank));
    }

    private interface Save {
        void run() throws IOException;
    }

    private boolean save(String what, Save action) {
        if (store == null) {
            return false;
        }
        try {
            action.run();
            onChange.run();
            return true;
        } catch (IOException e) {
            onError.accept("Could not save " + what + " (" + e.getMessage() + "); nothing was changed on disk.");
            return false;
        }
    }
}
