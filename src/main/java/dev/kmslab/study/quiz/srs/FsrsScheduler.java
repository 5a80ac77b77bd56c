package dev.kmslab.study.quiz.srs;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Moves a card through New → Learning → Review ⇄ Relearning, following the py-fsrs scheduler (without interval
 * fuzz, so schedules are reproducible). Elapsed time counts in whole days, as FSRS does; a review less than a day
 * after the previous one uses the short-term stability formula.
 */
public final class FsrsScheduler {

    private final FsrsParameters params;
    private final FsrsModel model;

    public FsrsScheduler(FsrsParameters params) {
        this.params = params;
        this.model = new FsrsModel(params);
    }

    public static FsrsScheduler withDefaults() {
        return new FsrsScheduler(FsrsParameters.defaults());
    }

    public FsrsModel model() {
        return model;
    }

    /** Probability of recalling the card now; 0 for a card never reviewed. */
    public double retrievability(Card card, Instant now) {
        if (card.lastReview() == null) {
            return 0;
        }
        return model.retrievability(elapsedDays(card, now), card.stability());
    }

    /**
     * How long until the card would be due again after each grade, from {@code now}: what the Again / Hard / Good /
     * Easy buttons print. Computed by the same {@link #review} that the button then applies.
     */
    public Map<Grade, Duration> preview(Card card, Instant now) {
        Map<Grade, Duration> out = new EnumMap<>(Grade.class);
        for (Grade g : Grade.values()) {
            out.put(g, Duration.between(now, review(card, g, now).due()));
        }
        return out;
    }

    public Card review(Card card, Grade grade, Instant now) {
        double[] sd = memory(card, grade, now);
        double s = sd[0];
        double d = sd[1];
        int lapses = card.lapses();
        CardState state;
        int step;
        Duration interval;
        if (card.state() == CardState.REVIEW) {
            if (grade == Grade.AGAIN && !params.relearningSteps().isEmpty()) {
                state = CardState.RELEARNING;
                step = 0;
                interval = params.relearningSteps().get(0);
            } else {
                state = CardState.REVIEW;
                step = -1;
                interval = days(s);
            }
            lapses += grade == Grade.AGAIN ? 1 : 0;
        } else {
            boolean learning = card.state() != CardState.RELEARNING;
            List<Duration> steps = learning ? params.learningSteps() : params.relearningSteps();
            int current = Math.max(card.step(), 0);
            Step next = stepAfter(steps, current, grade, learning ? CardState.LEARNING : CardState.RELEARNING, s);
            state = next.state;
            step = next.step;
            interval = next.interval;
        }
        return new Card(card.questionId(), state, step, s, d, now.plus(interval), now, card.reps() + 1, lapses);
    }

    private record Step(CardState state, int step, Duration interval) {
    }

    private Step stepAfter(List<Duration> steps, int step, Grade grade, CardState stepState, double s) {
        Step graduate = new Step(CardState.REVIEW, -1, days(s));
        if (steps.isEmpty() || (step >= steps.size() && grade != Grade.AGAIN)) {
            return graduate;
        }
        switch (grade) {
            case AGAIN:
                return new Step(stepState, 0, steps.get(0));
            case HARD:
                // Hard repeats the step; on the first step it waits between the first and the second step.
                if (step == 0 && steps.size() == 1) {
                    return new Step(stepState, 0, steps.get(0).multipliedBy(3).dividedBy(2));
                }
                if (step == 0) {
                    return new Step(stepState, 0, steps.get(0).plus(steps.get(1)).dividedBy(2));
                }
                return new Step(stepState, step, steps.get(step));
            case GOOD:
                return step + 1 == steps.size() ? graduate : new Step(stepState, step + 1, steps.get(step + 1));
            default:
                return graduate;
        }
    }

    /** New stability and difficulty: first rating, same-day review or review after at least a day. */
    private double[] memory(Card card, Grade grade, Instant now) {
        if (card.state() == CardState.NEW || card.lastReview() == null) {
            return new double[]{model.initialStability(grade), model.initialDifficulty(grade, true)};
        }
        long elapsed = elapsedDays(card, now);
        double s = elapsed < 1 ? model.shortTermStability(card.stability(), grade)
                : model.nextStability(card.difficulty(), card.stability(),
                        model.retrievability(elapsed, card.stability()), grade);
        return new double[]{s, model.nextDifficulty(card.difficulty(), grade)};
    }

    private Duration days(double stability) {
        return Duration.ofDays(model.nextInterval(stability));
    }

    private static long elapsedDays(Card card, Instant now) {
        return Math.max(0, Duration.between(card.lastReview(), now).toDays());
    }
}
