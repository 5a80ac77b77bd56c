package dev.kmslab.study.quiz.srs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmslab.study.quiz.Answer;
import dev.kmslab.study.quiz.MutableClock;
import dev.kmslab.study.quiz.QuestionBank;
import dev.kmslab.study.quiz.QuestionJson;
import dev.kmslab.study.quiz.TestBanks;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReviewSessionTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T07:00:00Z"));
    private final QuestionBank bank = TestBanks.of(QuestionJson.single("q1"), QuestionJson.single("q2"));

    @Test
    void answerThenRate_schedulesEachCard() {
        List<Card> queue = DueQueue.due(bank, "SAA", Map.of(), clock.instant(), 10);
        ReviewSession s = new ReviewSession(bank, "SAA", queue, FsrsScheduler.withDefaults(), clock, new Random(1));
        assertThat(s.size()).isEqualTo(2);

        assertThat(s.submit(Answer.Choice.of("b")).correct()).isTrue();
        assertThat(s.allowedGrades()).containsExactly(Grade.HARD, Grade.GOOD, Grade.EASY);
        Card first = s.rate(Grade.EASY);
        assertThat(first.state()).isEqualTo(CardState.REVIEW);
        assertThat(first.due()).isEqualTo(clock.instant().plus(Duration.ofDays(8)));

        s.submit(Answer.Choice.of("a"));
        assertThatThrownBy(() -> s.rate(Grade.GOOD)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("GOOD is not allowed now; allowed: [AGAIN]");
        Card second = s.rate(Grade.AGAIN);
        assertThat(second.due()).isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));
        assertThat(s.isFinished()).isTrue();
        assertThat(s.attempts()).extracting(a -> a.correct()).containsExactly(true, false);
    }

    @Test
    void rateBeforeAnswering_isRejected() {
        ReviewSession s = new ReviewSession(bank, "SAA", DueQueue.due(bank, "SAA", Map.of(), clock.instant(), 1),
                FsrsScheduler.withDefaults(), clock, new Random(1));
        assertThatThrownBy(() -> s.rate(Grade.GOOD)).isInstanceOf(IllegalArgumentException.class);
    }
}
