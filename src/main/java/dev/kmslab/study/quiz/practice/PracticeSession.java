package dev.kmslab.study.quiz.practice;

import dev.kmslab.study.quiz.Answer;
import dev.kmslab.study.quiz.Attempt;
import dev.kmslab.study.quiz.Feedback;
import dev.kmslab.study.quiz.OptionShuffler;
import dev.kmslab.study.quiz.PresentedQuestion;
import dev.kmslab.study.quiz.Question;
import dev.kmslab.study.quiz.QuestionBank;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Practice: the filtered questions in random order (all of them, or the first {@code length}), one at a time, with
 * immediate feedback that explains every option. Each question is answered once; the attempt is recorded for
 * history, and {@link #state()} is what to save so the session can be resumed.
 */
public final class PracticeSession {

    /** Length meaning "every matching question". */
    public static final int ALL = 0;

    private final PracticeFilter filter;
    private final Clock clock;
    private final List<PresentedQuestion> questions;
    private final List<Feedback> feedback = new ArrayList<>();
    private final List<Attempt> attempts = new ArrayList<>();
    private final int correctBefore;
    private final int answeredBefore;
    private int index;

    public PracticeSession(QuestionBank bank, PracticeFilter filter, Random random, Clock clock) {
        this(bank, filter, ALL, random, clock);
    }

    /** @param length questions in the session, or {@link #ALL} */
    public PracticeSession(QuestionBank bank, PracticeFilter filter, int length, Random random, Clock clock) {
        this(filter, draw(bank, filter, length, random), 0, 0, random, clock);
    }

    private PracticeSession(PracticeFilter filter, List<Question> drawn, int answered, int correct, Random random,
                            Clock clock) {
        this.filter = filter;
        this.clock = clock;
        OptionShuffler shuffler = new OptionShuffler(random);
        this.questions = drawn.stream().map(shuffler::present).collect(Collectors.toList());
        questions.forEach(q -> feedback.add(null));
        this.index = Math.min(answered, Math.max(questions.size() - 1, 0));
        this.answeredBefore = answered;
        this.correctBefore = correct;
    }

    /**
     * Picks up a saved session at its next unanswered question. Questions no longer in the bank (a pack was removed)
     * are dropped; empty when nothing of it is left to answer.
     */
    public static Optional<PracticeSession> resume(QuestionBank bank, PracticeState state, Random random,
                                                   Clock clock) {
        List<Question> left = new ArrayList<>();
        for (int i = 0; i < state.questionIds().size(); i++) {
            Optional<Question> q = bank.byId(state.questionIds().get(i));
            if (i >= state.answered()) {
                q.ifPresent(left::add);
            }
        }
        if (left.isEmpty()) {
            return Optional.empty();
        }
        List<Question> done = state.questionIds().subList(0, state.answered()).stream()
                .map(bank::byId).filter(Optional::isPresent).map(Optional::get).collect(Collectors.toList());
        List<Question> all = new ArrayList<>(done);
        all.addAll(left);
        return Optional.of(new PracticeSession(state.filter(), all, done.size(), Math.min(state.correct(),
                done.size()), random, clock));
    }

    private static List<Question> draw(QuestionBank bank, PracticeFilter filter, int length, Random random) {
        List<Question> pool = new ArrayList<>(bank.filter(filter::matches));
        Collections.shuffle(pool, random);
        return length > 0 && length < pool.size() ? new ArrayList<>(pool.subList(0, length)) : pool;
    }

    public PracticeFilter filter() {
        return filter;
    }

    public int size() {
        return questions.size();
    }

    public boolean isEmpty() {
        return questions.isEmpty();
    }

    /** 0-based position of the current question. */
    public int index() {
        return index;
    }

    public PresentedQuestion current() {
        if (questions.isEmpty()) {
            throw new IllegalStateException("no questions match the filter");
        }
        return questions.get(index);
    }

    /** Marks the response to the current question and returns the feedback to show at once. */
    public Feedback submit(Answer response) {
        if (feedback().isPresent() || index < answeredBefore) {
            throw new IllegalStateException("question " + current().question().id() + " is already answered");
        }
        Feedback f = Feedback.of(current(), response);
        feedback.set(index, f);
        Question q = current().question();
        attempts.add(new Attempt(q.id(), studiedTracks(q), q.topics(), f.correct(), clock.instant(),
                Attempt.Mode.PRACTICE));
        return f;
    }

    /** The feedback for the current question once it has been answered. */
    public Optional<Feedback> feedback() {
        return Optional.ofNullable(feedback.get(index));
    }

    public boolean hasNext() {
        return index + 1 < questions.size();
    }

    public void next() {
        if (!hasNext()) {
            throw new IllegalStateException("no more questions");
        }
        index++;
    }

    /** Answers given in this sitting (not those of an earlier sitting that was resumed). */
    public List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    /** Right answers over the whole session, earlier sittings included. */
    public long correctCount() {
        return correctBefore + attempts.stream().filter(Attempt::correct).count();
    }

    /** Questions answered over the whole session, earlier sittings included. */
    public int answeredCount() {
        return answeredBefore + attempts.size();
    }

    /** What to save so that the session can be resumed at its next unanswered question. */
    public PracticeState state() {
        List<String> ids = questions.stream().map(p -> p.question().id()).collect(Collectors.toList());
        return new PracticeState(filter, ids, answeredCount(), (int) correctCount());
    }

    private List<String> studiedTracks(Question q) {
        if (filter.tracks().isEmpty()) {
            return q.tracks();
        }
        return q.tracks().stream().filter(filter.tracks()::contains).collect(Collectors.toList());
    }
}
