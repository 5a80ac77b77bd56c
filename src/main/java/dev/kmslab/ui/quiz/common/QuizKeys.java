package dev.kmslab.ui.quiz.common;

/**
 * Keyboard commands of a quiz screen; each returns whether it did something, so the view consumes only handled keys
 * and leaves the rest to the controls.
 */
public interface QuizKeys {

    /** Keys 1–6: pick or toggle the option shown at that position (in review, 1–4 rate after the feedback). */
    boolean number(int n);

    /** Enter: submit, or go on once the feedback is shown. */
    boolean enter();

    default boolean next() {
        return false;
    }

    default boolean previous() {
        return false;
    }

    default boolean flag() {
        return false;
    }
}
