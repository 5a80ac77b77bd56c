package dev.kmslab.study.quiz.srs;

/** The learner's rating of a recall, FSRS's G = 1..4. */
public enum Grade {
    AGAIN(1), HARD(2), GOOD(3), EASY(4);

    private final int value;

    Grade(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }
}
