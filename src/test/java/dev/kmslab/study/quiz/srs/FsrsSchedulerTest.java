package dev.kmslab.study.quiz.srs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * Values computed by hand from the FSRS-6 formulas with the default weights
 * w = 0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
 *     1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542;
 * decay = w20 = 0.1542, F = 0.9^(-1/0.1542) - 1 = 0.980346.
 */
class FsrsSchedulerTest {

    private static final Offset<Double> EPS = within(1e-4);
    private static final Instant T0 = Instant.parse("2022-11-29T12:30:00Z");

    private final FsrsScheduler scheduler = FsrsScheduler.withDefaults();
    private final FsrsModel model = scheduler.model();

    private Card first(Grade g) {
        return scheduler.review(Card.newCard("q", T0), g, T0);
    }

    @Test
    void factor_makesRetrievabilityNinetyPercentAtStability() {
        assertThat(model.factor()).isCloseTo(0.980346, EPS);
        assertThat(model.retrievability(10, 10)).isCloseTo(0.9, within(1e-12));
        assertThat(model.retrievability(0, 10)).isEqualTo(1.0);
    }

    @Test
    void firstReview_again() {
        // S0(1) = w0 = 0.212; D0(1) = w4 - e^(w5*0) + 1 = 6.4133 - 1 + 1 = 6.4133; first learning step: 1 min.
        Card c = first(Grade.AGAIN);
        assertThat(c.stability()).isCloseTo(0.212, EPS);
        assertThat(c.difficulty()).isCloseTo(6.4133, EPS);
        assertThat(c.state()).isEqualTo(CardState.LEARNING);
        assertThat(c.step()).isZero();
        assertThat(c.due()).isEqualTo(T0.plus(Duration.ofMinutes(1)));
        assertThat(c.reps()).isEqualTo(1);
        assertThat(c.lapses()).isZero();
    }

    @Test
    void firstReview_hard() {
        // S0(2) = w1 = 1.2931; D0(2) = 6.4133 - e^0.8334 + 1 = 6.4133 - 2.301129 + 1 = 5.112171;
        // Hard on the first of two steps waits (1 min + 10 min) / 2 = 5.5 min.
        Card c = first(Grade.HARD);
        assertThat(c.stability()).isCloseTo(1.2931, EPS);
        assertThat(c.difficulty()).isCloseTo(5.112171, EPS);
        assertThat(c.due()).isEqualTo(T0.plus(Duration.ofSeconds(330)));
    }

    @Test
    void firstReview_good() {
        // S0(3) = w2 = 2.3065; D0(3) = 6.4133 - e^(2*0.8334) + 1 = 6.4133 - 5.295196 + 1 = 2.118104;
        // Good moves to the second learning step: 10 min.
        Card c = first(Grade.GOOD);
        assertThat(c.stability()).isCloseTo(2.3065, EPS);
        assertThat(c.difficulty()).isCloseTo(2.118104, EPS);
        assertThat(c.state()).isEqualTo(CardState.LEARNING);
        assertThat(c.step()).isEqualTo(1);
        assertThat(c.due()).isEqualTo(T0.plus(Duration.ofMinutes(10)));
    }

    @Test
    void firstReview_easy() {
        // S0(4) = w3 = 8.2956; D0(4) = 6.4133 - e^(3*0.8334) + 1 = 6.4133 - 12.184931 + 1 = -4.771631 -> clamp 1;
        // Easy graduates at once: I = round(8.2956) = 8 days (at r = 0.9, I = S).
        Card c = first(Grade.EASY);
        assertThat(c.stability()).isCloseTo(8.2956, EPS);
        assertThat(c.difficulty()).isEqualTo(1.0);
        assertThat(c.state()).isEqualTo(CardState.REVIEW);
        assertThat(c.due()).isEqualTo(T0.plus(Duration.ofDays(8)));
    }

    private Card reviewCard(double s, double d) {
        return new Card("q", CardState.REVIEW, -1, s, d, T0, T0, 3, 0);
    }

    @Test
    void successAfterThreeDays_good() {
        // S = 2.3065, D = 2.118104, t = 3 days:
        // R = (1 + F*t/S)^(-decay) = (1 + 0.980346*3/2.3065)^(-0.1542) = 2.275109^(-0.1542) = 0.880948
        // S' = S * (1 + e^w8 * (11 - D) * S^(-w9) * (e^(w10*(1-R)) - 1))
        //    = 2.3065 * (1 + 6.502586 * 8.881896 * 0.870025 * 0.099401) = 2.3065 * 5.994668 = 13.826904
        // D' = w7 * D0(4, unclamped) + (1 - w7) * (D + 0) = 0.001 * -4.771631 + 0.999 * 2.118104 = 2.111214
        // I  = round(13.826904) = 14 days.
        Card c = scheduler.review(reviewCard(2.3065, 2.118104), Grade.GOOD, T0.plus(Duration.ofDays(3)));
        assertThat(model.retrievability(3, 2.3065)).isCloseTo(0.880948, EPS);
        assertThat(c.stability()).isCloseTo(13.826904, EPS);
        assertThat(c.difficulty()).isCloseTo(2.111214, EPS);
        assertThat(c.state()).isEqualTo(CardState.REVIEW);
        assertThat(c.due()).isEqualTo(T0.plus(Duration.ofDays(3 + 14)));
    }

    @Test
    void successAfterThreeDays_hardAndEasyScaleTheIncrease() {
        // Hard multiplies the increase by w15 = 0.6014: 2.3065 * (1 + 4.994668 * 0.6014) = 9.234871
        // Easy by w16 = 1.8729: 2.3065 * (1 + 4.994668 * 1.8729) = 23.883064
        double r = model.retrievability(3, 2.3065);
        assertThat(model.recallStability(2.118104, 2.3065, r, Grade.HARD)).isCloseTo(9.234871, EPS);
        assertThat(model.recallStability(2.118104, 2.3065, r, Grade.EASY)).isCloseTo(23.883064, EPS);
    }

    @Test
    void lapseAfterThreeDays() {
        // S'f = min(w11 * D^(-w12) * ((S+1)^w13 - 1) * e^(w14*(1-R)), S / e^(w17*w18))
        //     = min(1.4835 * 0.954964 * 0.369437 * 1.216811, 2.3065 / 1.050720) = min(0.636851, 2.195161) = 0.636851
        // D' : dD = -w6*(1-3) = 6.0388; damped = 2.118104 + 6.0388*(10-2.118104)/9 = 7.406681;
        //      D' = 0.001 * -4.771631 + 0.999 * 7.406681 = 7.394503
        // Relearning step: 10 min; one more lapse.
        Card c = scheduler.review(reviewCard(2.3065, 2.118104), Grade.AGAIN, T0.plus(Duration.ofDays(3)));
        assertThat(c.stability()).isCloseTo(0.636851, EPS);
        assertThat(c.difficulty()).isCloseTo(7.394503, EPS);
        assertThat(c.state()).isEqualTo(CardState.RELEARNING);
        assertThat(c.due()).isEqualTo(T0.plus(Duration.ofDays(3)).plus(Duration.ofMinutes(10)));
        assertThat(c.lapses()).isEqualTo(1);

        // Good on the only relearning step, the same day, graduates back to review with the short-term formula:
        // S' = S * e^(w17*(3-3+w18)) * S^(-w19) = 0.636851 * 1.050720 * 1.030135 = 0.689317 (factor >= 1, kept);
        // I = round(0.689317) = 1 day (also the minimum).
        Card back = scheduler.review(c, Grade.GOOD, c.due());
        assertThat(back.stability()).isCloseTo(0.689317, EPS);
        assertThat(back.state()).isEqualTo(CardState.REVIEW);
        assertThat(back.due()).isEqualTo(c.due().plus(Duration.ofDays(1)));
    }

    @Test
    void sameDayReview_usesShortTermStability() {
        // Again on the same day: S' = S * e^(w17*(1-3+w18)) * S^(-w19)
        //   = 0.212 * e^(0.5425*-1.9088) * 0.212^(-0.0658) = 0.212 * 0.355040 * 1.107458 = 0.083357
        assertThat(model.shortTermStability(0.212, Grade.AGAIN)).isCloseTo(0.083357, EPS);
        // Good never lowers S: e^(0.5425*0.0912) * 2.3065^(-0.0658) = 1.050720 * 0.946504 = 0.994510 -> 1
        assertThat(model.shortTermStability(2.3065, Grade.GOOD)).isCloseTo(2.3065, EPS);
    }

    @Test
    void interval_atNinetyPercent_equalsStability_andIsClamped() {
        // I = S/F * (0.9^(-1/decay) - 1) = S/F * F = S.
        assertThat(model.nextInterval(8.2956)).isEqualTo(8);
        assertThat(model.nextInterval(13.5)).isEqualTo(14);
        assertThat(model.nextInterval(0.2)).isEqualTo(1);
        assertThat(model.nextInterval(1e9)).isEqualTo(36_500);
        // Desired retention 0.8: I = 10/0.980346 * (0.8^(-6.485084) - 1) = 10.200485 * 3.250795 = 33.159598 -> 33
        FsrsParameters p = FsrsParameters.defaults();
        FsrsModel lower = new FsrsModel(new FsrsParameters(p.w(), 0.8, 36_500, p.learningSteps(),
                p.relearningSteps()));
        assertThat(lower.nextInterval(10)).isEqualTo(33);
    }

    @Test
    void difficulty_dampedNearTenAndReverted() {
        // Again at D = 10: damping makes dD*(10-10)/9 = 0, so only mean reversion moves it:
        // 0.001 * -4.771631 + 0.999 * 10 = 9.985228
        assertThat(model.nextDifficulty(10, Grade.AGAIN)).isCloseTo(9.985228, EPS);
        // Easy repeatedly bottoms out at the clamp of 1 (py-fsrs test_repeated_correct_reviews).
        Card c = Card.newCard("q", T0);
        for (int i = 0; i < 10; i++) {
            c = scheduler.review(c, Grade.EASY, T0.plusMillis(i));
        }
        assertThat(c.difficulty()).isEqualTo(1.0);
    }

    @Test
    void matchesPyFsrsMemoStateExample() {
        // py-fsrs tests/test_fsrs.py test_memo_state (FSRS-6 defaults; the same vector is in ts-fsrs and fsrs-rs
        // inference tests): Again, Good, Good, Good, Good, Good reviewed after 0, 0, 1, 3, 8, 21 days give
        // S = 53.62691, D = 6.3574867. (Older py-fsrs releases with FSRS-5 weights expected other values.)
        Grade[] grades = {Grade.AGAIN, Grade.GOOD, Grade.GOOD, Grade.GOOD, Grade.GOOD, Grade.GOOD};
        int[] gaps = {0, 0, 1, 3, 8, 21};
        Card c = Card.newCard("q", T0);
        Instant at = T0;
        for (int i = 0; i < grades.length; i++) {
            at = at.plus(Duration.ofDays(gaps[i]));
            c = scheduler.review(c, grades[i], at);
        }
        assertThat(c.stability()).isCloseTo(53.62691, within(1e-4));
        assertThat(c.difficulty()).isCloseTo(6.3574867, within(1e-4));
        assertThat(c.state()).isEqualTo(CardState.REVIEW);
        assertThat(c.reps()).isEqualTo(6);
        assertThat(c.lapses()).isZero();
    }

    @Test
    void intervalHistory_likePyFsrsReviewCardTest() {
        // py-fsrs test_review_card (no fuzz, FSRS-6 defaults), each review at the due time; the FSRS-6 conformance
        // vector shared by the open-spaced-repetition ports.
        Grade[] grades = {Grade.GOOD, Grade.GOOD, Grade.GOOD, Grade.GOOD, Grade.GOOD, Grade.GOOD, Grade.AGAIN,
            Grade.AGAIN, Grade.GOOD, Grade.GOOD, Grade.GOOD, Grade.GOOD, Grade.GOOD};
        Card c = Card.newCard("q", T0);
        Instant at = T0;
        List<Long> days = new ArrayList<>();
        for (Grade g : grades) {
            c = scheduler.review(c, g, at);
            days.add(Duration.between(at, c.due()).toDays());
            at = c.due();
        }
        assertThat(days).containsExactly(0L, 2L, 11L, 46L, 163L, 498L, 0L, 0L, 2L, 4L, 7L, 12L, 21L);
    }
}
