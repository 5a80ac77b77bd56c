package dev.kmslab.study.quiz.exam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmslab.study.quiz.Answer;
import dev.kmslab.study.quiz.MutableClock;
import dev.kmslab.study.quiz.QuestionBank;
import dev.kmslab.study.quiz.TestBanks;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ExamSessionTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T10:00:00Z"));
    private final QuestionBank bank = TestBanks.saa(10, 10, 10, 10);

    private ExamSession start(int n) {
        return ExamSession.start(bank, "SAA", n, clock, new Random(11));
    }

    @Test
    void time_isRealExamMinutesPerQuestionTimesN() {
        // SAA-C03: 130 min / 65 questions = 2 min per question.
        assertThat(start(20).duration()).isEqualTo(Duration.ofMinutes(40));
        assertThat(start(5).duration()).isEqualTo(Duration.ofMinutes(10));
        assertThat(ExamSession.start(bank, "SAA", clock, new Random(1)).size()).isEqualTo(ExamSession.DEFAULT_QUESTIONS);
        // MLS-C01: 180 min / 65 questions = 166.153846153 s per question (ns truncated); x 20 = 3323.076923060 s.
        assertThat(TestBanks.CATALOG.requireTrack("MLS").timePerQuestion().multipliedBy(20))
                .isEqualTo(Duration.ofSeconds(3323, 76_923_060));
    }

    @Test
    void draw_followsDomainWeights() {
        // 20 x 30/26/24/20 % = 6, 5.2, 4.8, 4 -> largest remainder gives 6, 5, 5, 4.
        ExamResult r = start(20).submit();
        assertThat(r.domains()).extracting(DomainScore::total).containsExactly(6, 5, 5, 4);
        assertThat(r.total()).isEqualTo(20);
    }

    @Test
    void noFeedbackBeforeSubmit_answersChangeable_thenScoredWithBreakdown() {
        ExamSession exam = start(20);
        for (int i = 0; i < exam.size(); i++) {
            exam.goTo(i);
            exam.answer(Answer.Choice.of("a"));
            exam.answer(Answer.Choice.of("b")); // changed my mind: b is right for every generated question
        }
        exam.goTo(0);
        exam.answer(Answer.Choice.of("c"));
        exam.goTo(1);
        exam.clearAnswer();
        exam.goTo(2);
        exam.toggleFlag();
        assertThat(exam.result()).isEmpty();

        ExamResult r = exam.submit();

        assertThat(r.correct()).isEqualTo(18);
        assertThat(r.scaledScore()).isEqualTo(910); // 100 + 900 x 18/20
        assertThat(r.passMark()).isEqualTo(720);
        assertThat(r.passed()).isTrue();
        assertThat(r.timedOut()).isFalse();
        assertThat(r.domains().stream().mapToInt(DomainScore::correct).sum()).isEqualTo(18);
        assertThat(r.review(ReviewFilter.INCORRECT)).extracting(ReviewEntry::number).containsExactly(1, 2);
        assertThat(r.review(ReviewFilter.UNANSWERED)).extracting(ReviewEntry::number).containsExactly(2);
        assertThat(r.review(ReviewFilter.FLAGGED)).extracting(ReviewEntry::number).containsExactly(3);
        assertThat(r.review(ReviewFilter.CORRECT)).hasSize(18);
        assertThat(r.review(ReviewFilter.ALL).get(0).feedback().options())
                .allSatisfy(o -> assertThat(o.explanation()).isNotBlank());
        assertThat(exam.submit()).isSameAs(r);
        assertThatThrownBy(() -> exam.answer(Answer.Choice.of("b"))).isInstanceOf(IllegalStateException.class)
                .hasMessage("the exam has been submitted");
        assertThat(exam.attempts()).hasSize(20).allSatisfy(a -> assertThat(a.tracks()).containsExactly("SAA"));
    }

    @Test
    void belowPassMark_fails() {
        ExamSession exam = start(10);
        for (int i = 0; i < 6; i++) {
            exam.goTo(i);
            exam.answer(Answer.Choice.of("b"));
        }
        ExamResult r = exam.submit();
        assertThat(r.scaledScore()).isEqualTo(640); // 100 + 900 x 6/10
        assertThat(r.passed()).isFalse();
    }

    @Test
    void timeUp_autoSubmitsOnTheNextQuery_withAnswersGivenInTime() {
        ExamSession exam = start(5);
        exam.answer(Answer.Choice.of("b"));
        clock.advance(Duration.ofMinutes(9).plusSeconds(59));
        assertThat(exam.remaining()).isEqualTo(Duration.ofSeconds(1));
        assertThat(exam.isSubmitted()).isFalse();

        clock.advance(Duration.ofSeconds(1));

        assertThat(exam.remaining()).isEqualTo(Duration.ZERO);
        assertThat(exam.isSubmitted()).isTrue();
        ExamResult r = exam.result().orElseThrow();
        assertThat(r.timedOut()).isTrue();
        assertThat(r.correct()).isEqualTo(1);
        assertThat(r.submittedAt()).isEqualTo(Instant.parse("2026-01-05T10:10:00Z"));
        assertThatThrownBy(() -> exam.answer(Answer.Choice.of("b"))).isInstanceOf(IllegalStateException.class)
                .hasMessage("the time is up; the exam was submitted");
    }

    @Test
    void tick_afterDeadline_submits() {
        ExamSession exam = start(5);
        clock.advance(Duration.ofHours(1));
        exam.tick();
        assertThat(exam.result()).isPresent();
        assertThat(exam.result().orElseThrow().submittedAt()).isEqualTo(Instant.parse("2026-01-05T10:10:00Z"));
    }

    @Test
    void navigation_andGrid() {
        ExamSession exam = start(3);
        assertThat(exam.canGoPrevious()).isFalse();
        exam.previous();
        assertThat(exam.currentIndex()).isZero();
        exam.next();
        exam.next();
        exam.next();
        assertThat(exam.currentIndex()).isEqualTo(2);
        assertThat(exam.canGoNext()).isFalse();
        exam.answer(Answer.Choice.of("a"));
        exam.setFlagged(0, true);
        assertThat(exam.grid()).containsExactly(new GridItem(1, false, true, false),
                new GridItem(2, false, false, false), new GridItem(3, true, false, true));
        assertThatThrownBy(() -> exam.goTo(3)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void smallBank_examIsAsLargeAsTheBankAllows() {
        ExamSession exam = ExamSession.start(TestBanks.saa(2, 0, 1, 0), "SAA", 20, clock, new Random(1));
        assertThat(exam.size()).isEqualTo(3);
        assertThat(exam.duration()).isEqualTo(Duration.ofMinutes(6));
    }

    @Test
    void trackWithoutQuestions_cannotStart() {
        assertThatThrownBy(() -> ExamSession.start(bank, "MLS", 20, clock, new Random(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an exam needs at least one question; the bank has none for MLS");
    }
}
