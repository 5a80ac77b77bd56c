package dev.kmslab.study.quiz.srs;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * FSRS-6 settings. The 21 weights are the published FSRS-6 defaults (as in py-fsrs {@code DEFAULT_PARAMETERS});
 * w20 is the forgetting curve's decay.
 */
public record FsrsParameters(double[] w, double desiredRetention, int maximumInterval, List<Duration> learningSteps,
                             List<Duration> relearningSteps) {

    private static final double[] DEFAULT_W = {
        0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
        1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
    };

    public FsrsParameters {
        if (w.length != 21) {
            throw new IllegalArgumentException("FSRS-6 needs 21 weights, got " + w.length);
        }
        if (desiredRetention <= 0 || desiredRetention >= 1) {
            throw new IllegalArgumentException("desired retention must be in (0, 1): " + desiredRetention);
        }
        w = w.clone();
        learningSteps = List.copyOf(learningSteps);
        relearningSteps = List.copyOf(relearningSteps);
    }

    /** Retention 0.90, maximum interval 36,500 days, learning steps 1 min and 10 min, relearning step 10 min. */
    public static FsrsParameters defaults() {
        return new FsrsParameters(DEFAULT_W, 0.9, 36_500, List.of(Duration.ofMinutes(1), Duration.ofMinutes(10)),
                List.of(Duration.ofMinutes(10)));
    }

    public double w(int i) {
        return w[i];
    }

    @Override
    public double[] w() {
        return w.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FsrsParameters && Arrays.equals(w, ((FsrsParameters) o).w)
                && desiredRetention == ((FsrsParameters) o).desiredRetention
                && maximumInterval == ((FsrsParameters) o).maximumInterval
                && learningSteps.equals(((FsrsParameters) o).learningSteps)
                && relearningSteps.equals(((FsrsParameters) o).relearningSteps);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(w) * 31 + learningSteps.hashCode();
    }

    @Override
    public String toString() {
        return "FsrsParameters[w=" + Arrays.toString(w) + ", desiredRetention=" + desiredRetention
                + ", maximumInterval=" + maximumInterval + "]";
    }
}
