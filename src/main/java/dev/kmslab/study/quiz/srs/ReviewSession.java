package dev.kmslab.study.quiz.srs;

import dev.kmslab.study.quiz.Answer;
import dev.kmslab.study.quiz.Attempt;
import dev.kmslab.study.quiz.Feedback;
import dev.kmslab.study.quiz.OptionShuffler;
import dev.kmslab.study.quiz.PresentedQuestion;
import dev.kmslab.study.quiz.Question;
import dev.kmslab.study.quiz.QuestionBank;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * A spaced-repetition pass over a track's due queue: answer a question, see the feedback, then rate the recall
 * (Again / Hard / Good / Easy). A wrong answer can only be rated Again, since FSRS treats any other grade as a
 * successful recall. The caller persists each returned card (e.g. {@code QuizProgressStore.putCard}).
 */
public final class ReviewSession {

    private final QuestionBank bank;
    private final String trackId;
    private final FsrsScheduler scheduler;
    private final Clock clock;
    private final OptionShuffler shuffler;
    private final List<Card> queue;
    private final List<Attempt> attempts = new ArrayList<>();
    private int index;
    private PresentedQuestion shown;
    private Feedback feedback;

    public ReviewSession(QuestionBank bank, String trackId, List<Card> queue, FsrsScheduler scheduler, Clock clock,
                         Random random) {
        this.bank = bank;
        this.trackId = trackId;
        this.queue = new ArrayList<>(queue);
        this.scheduler = scheduler;
        this.clock = clock;
        this.shuffler = new OptionShuffler(random);
    }

    public int size() {
        return queue.size();
    }

    public boolean isFinished() {
        return index >= queue.size();
    }

    public PresentedQuestion current() {
        if (isFinished()) {
            throw new IllegalStateException("no more cards to review");
        }
        if (shown == null) {
            Question q = bank.byId(queue.get(index).questionId())
                    .orElseThrow(() -> new IllegalStateException("card for unknown question "
                            + queue.get(index).questionId()));
            shown = shuffler.present(q);
        }
        return shown;
    }

    /** The card of the question shown, as it was before this review. */
    public Card currentCard() {
        if (isFinished()) {
            throw new IllegalStateException("no more cards to review");
        }
        return queue.get(index);
    }

    public Feedback submit(Answer response) {
        if (feedback != null) {
            throw new IllegalStateException("already answered; rate the recall to continue");
        }
        feedback = Feedback.of(current(), response);
        Question q = shown.question();
        attempts.add(new Attempt(q.id(), List.of(trackId), q.topics(), feedback.correct(), clock.instant(),
                Attempt.Mode.REVIEW));
        return feedback;
    }

    public Optional<Feedback> feedback() {
        return Optional.ofNullable(feedback);
    }

    /** The grades the learner may pick now: only Again after a wrong answer. */
    public List<Grade> allowedGrades() {
        if (feedback == null) {
            return List.of();
        }
        return LearningLoop.allowedGrades(feedback.correct());
    }

    /** Schedules the current card with the grade, moves to the next card and returns the updated card to persist. */
    public Card rate(Grade grade) {
        if (!allowedGrades().contains(grade)) {
            throw new IllegalArgumentException(grade + " is not allowed now; allowed: " + allowedGrades());
        }
        Card updated = scheduler.review(queue.get(index), grade, clock.instant());
        index++;
        shown = null;
        feedback = null;
        return updated;
    }

    public List<Attempt> attempts() {
        return List.copyOf(attempts);
    }
}
