package dev.kmslab.study.quiz.exam;

import dev.kmslab.study.quiz.Feedback;
import dev.kmslab.study.quiz.PresentedQuestion;

/** One question of a submitted exam with its explanations; {@code number} is 1-based as on the question grid. */
public record ReviewEntry(int number, PresentedQuestion question, Feedback feedback, boolean flagged) {

    public boolean correct() {
        return feedback.correct();
    }

    public boolean answered() {
        return feedback.response() != null;
    }
}
