package dev.kmslab.study.quiz;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One answered question, kept for history (accuracy per topic, reset per track).
 *
 * @param tracks the tracks the learner was studying when answering (a subset of the question's tracks)
 */
public record Attempt(String questionId, List<String> tracks, List<String> topics, boolean correct, Instant at,
                      Mode mode) {

    /** Where the answer was given. */
    public enum Mode { PRACTICE, EXAM, REVIEW }

    public Attempt {
        Objects.requireNonNull(questionId, "questionId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(mode, "mode");
        tracks = List.copyOf(tracks);
        topics = List.copyOf(topics);
    }
}
