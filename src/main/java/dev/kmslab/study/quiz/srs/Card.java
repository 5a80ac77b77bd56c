package dev.kmslab.study.quiz.srs;

import java.time.Instant;
import java.util.Objects;

/**
 * The memory state of one question.
 *
 * @param step       index into the learning or relearning steps; -1 outside them
 * @param stability  S in days (time for recall probability to fall from 100% to 90%); 0 for a new card
 * @param difficulty D in [1, 10]; 0 for a new card
 * @param lastReview null for a new card
 */
public record Card(String questionId, CardState state, int step, double stability, double difficulty, Instant due,
                   Instant lastReview, int reps, int lapses) {

    public Card {
        Objects.requireNonNull(questionId, "questionId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(due, "due");
    }

    /** A card never reviewed, due at once. */
    public static Card newCard(String questionId, Instant now) {
        return new Card(questionId, CardState.NEW, 0, 0, 0, now, null, 0, 0);
    }

    public boolean isDue(Instant now) {
        return !due.isAfter(now);
    }
}
