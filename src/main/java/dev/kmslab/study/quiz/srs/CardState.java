package dev.kmslab.study.quiz.srs;

/** Where a card is in the FSRS life cycle. */
public enum CardState {
    /** Never reviewed. */
    NEW,
    /** In the short learning steps (1 min, 10 min) before the first day-long interval. */
    LEARNING,
    /** Scheduled in days by stability. */
    REVIEW,
    /** Forgotten in review; back in the short relearning step (10 min). */
    RELEARNING
}
