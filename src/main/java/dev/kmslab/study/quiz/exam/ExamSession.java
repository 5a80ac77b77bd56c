package dev.kmslab.study.quiz.exam;

import dev.kmslab.study.quiz.Answer;
import dev.kmslab.study.quiz.Attempt;
import dev.kmslab.study.quiz.Feedback;
import dev.kmslab.study.quiz.OptionShuffler;
import dev.kmslab.study.quiz.PresentedQuestion;
import dev.kmslab.study.quiz.Question;
import dev.kmslab.study.quiz.QuestionBank;
import dev.kmslab.study.quiz.Scoring;
import dev.kmslab.study.quiz.Track;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * A timed mini exam for one track. Time is the real exam's time per question times the number of questions (SAA:
 * 130 min / 65 = 2 min, so 40 min for 20). No feedback until submit; answers and flags can change until then. The
 * clock is injected and the session has no timer thread: any call to {@link #tick()}, {@link #remaining()} or a
 * mutator after the deadline submits it, so expiry is deterministic in tests and the UI only has to poll.
 */
public final class ExamSession {

    public static final int DEFAULT_QUESTIONS = 20;

    private final Track track;
    private final Clock clock;
    private final List<PresentedQuestion> questions;
    private final Answer[] answers;
    private final boolean[] flags;
    private final Instant startedAt;
    private final Instant deadline;
    private int current;
    private ExamResult result;

    public ExamSession(Track track, List<Question> questions, Clock clock, Random random) {
        if (questions.isEmpty()) {
            throw new IllegalArgumentException("an exam needs at least one question; the bank has none for "
                    + track.id());
        }
        this.track = track;
        this.clock = clock;
        OptionShuffler shuffler = new OptionShuffler(random);
        this.questions = questions.stream().map(shuffler::present).collect(Collectors.toList());
        this.answers = new Answer[questions.size()];
        this.flags = new boolean[questions.size()];
        this.startedAt = clock.instant();
        this.deadline = startedAt.plus(track.timePerQuestion().multipliedBy(questions.size()));
    }

    /** A {@value #DEFAULT_QUESTIONS}-question exam for the track. */
    public static ExamSession start(QuestionBank bank, String trackId, Clock clock, Random random) {
        return start(bank, trackId, DEFAULT_QUESTIONS, clock, random);
    }

    /** Draws {@code count} questions of the track from the bank following the domain weights, and starts the clock. */
    public static ExamSession start(QuestionBank bank, String trackId, int count, Clock clock, Random random) {
        Track track = bank.catalog().requireTrack(trackId);
        return new ExamSession(track, ExamDraw.draw(track, bank.forTrack(trackId), count, random), clock, random);
    }

    public Track track() {
        return track;
    }

    public int size() {
        return questions.size();
    }

    public int currentIndex() {
        return current;
    }

    public PresentedQuestion current() {
        return questions.get(current);
    }

    public PresentedQuestion question(int index) {
        return questions.get(index);
    }

    public void goTo(int index) {
        if (index < 0 || index >= questions.size()) {
            throw new IndexOutOfBoundsException("question " + index + " of " + questions.size());
        }
        current = index;
    }

    public boolean canGoNext() {
        return current + 1 < questions.size();
    }

    public boolean canGoPrevious() {
        return current > 0;
    }

    public void next() {
        if (canGoNext()) {
            current++;
        }
    }

    public void previous() {
        if (canGoPrevious()) {
            current--;
        }
    }

    /** Records (or replaces) the response to the current question. */
    public void answer(Answer response) {
        requireOpen();
        Scoring.requireShape(current().question(), response);
        answers[current] = response;
    }

    public void clearAnswer() {
        requireOpen();
        answers[current] = null;
    }

    public Optional<Answer> answerAt(int index) {
        return Optional.ofNullable(answers[index]);
    }

    public void toggleFlag() {
        requireOpen();
        flags[current] = !flags[current];
    }

    public void setFlagged(int index, boolean flagged) {
        requireOpen();
        flags[index] = flagged;
    }

    public boolean isFlagged(int index) {
        return flags[index];
    }

    public long answeredCount() {
        return Arrays.stream(answers).filter(a -> a != null).count();
    }

    public List<GridItem> grid() {
        List<GridItem> grid = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            grid.add(new GridItem(i + 1, answers[i] != null, flags[i], i == current));
        }
        return grid;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Duration duration() {
        return Duration.between(startedAt, deadline);
    }

    /** Time left, never negative; reaching zero submits the exam. */
    public Duration remaining() {
        tick();
        Duration left = Duration.between(clock.instant(), deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Submits the exam if its time is up; the UI calls this from its timer. */
    public void tick() {
        if (result == null && !clock.instant().isBefore(deadline)) {
            result = score(true);
        }
    }

    public boolean isSubmitted() {
        tick();
        return result != null;
    }

    /** Ends the exam and scores it; submitting twice returns the same result. */
    public ExamResult submit() {
        tick();
        if (result == null) {
            result = score(false);
        }
        return result;
    }

    public Optional<ExamResult> result() {
        tick();
        return Optional.ofNullable(result);
    }

    /** One attempt per question (unanswered ones count as wrong), for the progress store; only after submit. */
    public List<Attempt> attempts() {
        ExamResult r = result().orElseThrow(() -> new IllegalStateException("the exam is not submitted yet"));
        return r.review().stream().map(e -> new Attempt(e.question().question().id(), List.of(track.id()),
                e.question().question().topics(), e.correct(), r.submittedAt(), Attempt.Mode.EXAM))
                .collect(Collectors.toList());
    }

    private void requireOpen() {
        if (isSubmitted()) {
            throw new IllegalStateException(result.timedOut() ? "the time is up; the exam was submitted"
                    : "the exam has been submitted");
        }
    }

    private ExamResult score(boolean timedOut) {
        List<ReviewEntry> review = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            review.add(new ReviewEntry(i + 1, questions.get(i), Feedback.of(questions.get(i), answers[i]), flags[i]));
        }
        List<DomainScore> domains = track.domains().stream().map(d -> {
            List<ReviewEntry> in = review.stream()
                    .filter(e -> e.question().question().domainFor(track.id()).orElse("").equals(d.name()))
                    .collect(Collectors.toList());
            return new DomainScore(d.name(), d.weight(), (int) in.stream().filter(ReviewEntry::correct).count(),
                    in.size());
        }).collect(Collectors.toList());
        int correct = (int) review.stream().filter(ReviewEntry::correct).count();
        Instant end = timedOut ? deadline : clock.instant();
        return new ExamResult(track.id(), correct, review.size(), ScaledScore.of(correct, review.size()),
                track.passMark(), timedOut, startedAt, end, domains, review);
    }
}
