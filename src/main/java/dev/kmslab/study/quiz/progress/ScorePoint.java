package dev.kmslab.study.quiz.progress;

import java.time.Instant;

/** One point of the "scores over time" chart. */
public record ScorePoint(Instant at, int scaledScore, int passMark, boolean passed) {
}
