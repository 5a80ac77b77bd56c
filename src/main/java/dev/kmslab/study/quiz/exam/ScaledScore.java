package dev.kmslab.study.quiz.exam;

/**
 * Puts a raw result on the AWS 100–1000 scale. AWS does not publish how it scales scores (it equates forms of
 * different difficulty), so this is a plain linear approximation: 100 + 900 × correct / total. It makes the pass mark
 * (720 or 750) meaningful as "about 69% or 72% correct", nothing more.
 */
public final class ScaledScore {

    public static final int MIN = 100;
    public static final int MAX = 1000;

    private ScaledScore() {
    }

    public static int of(int correct, int total) {
        if (total <= 0) {
            return MIN;
        }
        if (correct < 0 || correct > total) {
            throw new IllegalArgumentException(correct + " correct of " + total);
        }
        return MIN + (int) Math.round((MAX - MIN) * (double) correct / total);
    }
}
