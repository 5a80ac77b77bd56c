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
 * Practice: the filtered questions in random order, one at a time, with immediate feedback that explains every option.
 * Each question is answered once; the attempt is recorded for history.
 */
public final class PracticeSession {

    private final PracticeFilter filter;
    private final Clock clock;
    private final List<PresentedQuestion> questions;
    private final List<Feedback> feedback = new ArrayList<>();
    private final List<Attempt> attempts = new ArrayList<>();
    private int index;

    public PracticeSession(QuestionBank bank, PracticeFilter filter, Random random, Clock clock) {
        this.filter = filter;
        this.clock = clock;
        List<Question> pool = new ArrayList<>(bank.filter(filter::matches));
        Collections.shuffle(pool, random);
        OptionShuffler shuffler = new OptionShuffler(random);
        this.questions = pool.stream().map(shuffler::present).collect(Collectors.toList());
        questions.forEach(q -> feedback.add(null));
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
        if (feedback().isPresent()) {
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

    public List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    public long correctCount() {
        return attempts.stream().filter(Attempt::correct).count();
    }

    private List<String> studiedTracks(Question q) {
        if (filter.tracks().isEmpty()) {
            return q.tracks();
        }
        return q.tracks().stream().filter(filter.tracks()::contains).collect(Collectors.toList());
    }
}
