package dev.kmslab.study.quiz.srs;

/**
 * The FSRS-6 memory model formulas, checked against the open-spaced-repetition reference implementation (py-fsrs
 * {@code scheduler.py}). G is the grade 1..4, D difficulty, S stability in days, R retrievability, t elapsed days.
 */
public final class FsrsModel {

    static final double MIN_STABILITY = 0.001;
    static final double MIN_DIFFICULTY = 1.0;
    static final double MAX_DIFFICULTY = 10.0;

    private final FsrsParameters p;
    private final double decay;
    private final double factor;

    public FsrsModel(FsrsParameters p) {
        this.p = p;
        this.decay = p.w(20);
        // F = 0.9^(-1/decay) - 1, so that R(S, S) = 0.9 whatever the decay.
        this.factor = Math.pow(0.9, -1 / decay) - 1;
    }

    public double factor() {
        return factor;
    }

    /** S0(G) = w[G-1]. */
    public double initialStability(Grade g) {
        return Math.max(p.w(g.value() - 1), MIN_STABILITY);
    }

    /** D0(G) = w4 - e^(w5·(G-1)) + 1, clamped to [1, 10] unless it is the mean-reversion target. */
    public double initialDifficulty(Grade g, boolean clamp) {
        double d = p.w(4) - Math.exp(p.w(5) * (g.value() - 1)) + 1;
        return clamp ? clampDifficulty(d) : d;
    }

    /** R(t, S) = (1 + F·t/S)^(-decay). */
    public double retrievability(double elapsedDays, double stability) {
        return Math.pow(1 + factor * elapsedDays / stability, -decay);
    }

    /** I(r, S) = S/F · (r^(-1/decay) - 1), rounded to whole days and clamped to [1, maximum interval]. */
    public int nextInterval(double stability) {
        double interval = stability / factor * (Math.pow(p.desiredRetention(), -1 / decay) - 1);
        long days = Math.round(interval);
        return (int) Math.min(Math.max(days, 1), p.maximumInterval());
    }

    /** Same-day review: S' = S · e^(w17·(G - 3 + w18)) · S^(-w19); Good and Easy never lower S. */
    public double shortTermStability(double s, Grade g) {
        double increase = Math.exp(p.w(17) * (g.value() - 3 + p.w(18))) * Math.pow(s, -p.w(19));
        if (g == Grade.GOOD || g == Grade.EASY) {
            increase = Math.max(increase, 1.0);
        }
        return Math.max(s * increase, MIN_STABILITY);
    }

    /**
     * D' = w7·D0(4) + (1 - w7)·(D + ΔD·(10 - D)/9) with ΔD = -w6·(G - 3): linear damping slows changes near 10,
     * mean reversion pulls towards the unclamped D0(Easy).
     */
    public double nextDifficulty(double d, Grade g) {
        double delta = -p.w(6) * (g.value() - 3);
        double damped = d + delta * (10 - d) / 9;
        return clampDifficulty(p.w(7) * initialDifficulty(Grade.EASY, false) + (1 - p.w(7)) * damped);
    }

    /** After a review at least a day later: recall or forget stability. */
    public double nextStability(double d, double s, double r, Grade g) {
        double next = g == Grade.AGAIN ? forgetStability(d, s, r) : recallStability(d, s, r, g);
        return Math.max(next, MIN_STABILITY);
    }

    /** S'r = S · (1 + e^w8 · (11 - D) · S^(-w9) · (e^(w10·(1-R)) - 1) · hardPenalty(w15) · easyBonus(w16)). */
    public double recallStability(double d, double s, double r, Grade g) {
        double hardPenalty = g == Grade.HARD ? p.w(15) : 1;
        double easyBonus = g == Grade.EASY ? p.w(16) : 1;
        return s * (1 + Math.exp(p.w(8)) * (11 - d) * Math.pow(s, -p.w(9))
                * (Math.exp((1 - r) * p.w(10)) - 1) * hardPenalty * easyBonus);
    }

    /** S'f = min(w11 · D^(-w12) · ((S+1)^w13 - 1) · e^(w14·(1-R)), S / e^(w17·w18)). */
    public double forgetStability(double d, double s, double r) {
        double longTerm = p.w(11) * Math.pow(d, -p.w(12)) * (Math.pow(s + 1, p.w(13)) - 1)
                * Math.exp((1 - r) * p.w(14));
        double shortTerm = s / Math.exp(p.w(17) * p.w(18));
        return Math.min(longTerm, shortTerm);
    }

    private static double clampDifficulty(double d) {
        return Math.min(Math.max(d, MIN_DIFFICULTY), MAX_DIFFICULTY);
    }
}
