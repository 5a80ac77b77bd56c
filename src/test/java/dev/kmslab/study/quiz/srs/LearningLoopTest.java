package dev.kmslab.study.quiz.srs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.study.quiz.Answer;
import dev.kmslab.study.quiz.MutableClock;
import dev.kmslab.study.quiz.PresentedQuestion;
import dev.kmslab.study.quiz.QuestionBank;
import dev.kmslab.study.quiz.TestBanks;
import dev.kmslab.study.quiz.Track;
import dev.kmslab.study.quiz.exam.ExamResult;
import dev.kmslab.study.quiz.exam.ExamSession;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LearningLoopTest {

    private static final Instant T0 = Instant.parse("2026-12-07T09:00:00Z");
    private final FsrsScheduler scheduler = FsrsScheduler.withDefaults();
    private final LearningLoop loop = new LearningLoop(scheduler);

    @Test
    void aMissIsAgainAndDueWithinTheDay_aRightAnswerIsGood() {
        Card miss = loop.answer(null, "q1", LearningLoop.gradeFor(false), T0);
        assertThat(miss.state()).isEqualTo(CardState.LEARNING);
        assertThat(miss.due()).isEqualTo(T0.plus(Duration.ofMinutes(1)));
        Card right = loop.answer(null, "q2", LearningLoop.gradeFor(true), T0);
        assertThat(right.state()).isEqualTo(CardState.LEARNING);
        assertThat(right.due()).isEqualTo(T0.plus(Duration.ofMinutes(10)));
        assertThat(right.stability()).isEqualTo(2.3065);

        // A learned card that is missed later goes to relearning, due again 10 minutes later: same day.
        Card learned = loop.answer(null, "q3", Grade.EASY, T0);
        assertThat(learned.state()).isEqualTo(CardState.REVIEW);
        Instant later = learned.due();
        Card lapsed = loop.answer(learned, "q3", LearningLoop.gradeFor(false), later);
        assertThat(lapsed.state()).isEqualTo(CardState.RELEARNING);
        assertThat(lapsed.lapses()).isEqualTo(1);
        assertThat(lapsed.due()).isEqualTo(later.plus(Duration.ofMinutes(10)));
    }

    @Test
    void guessedAndTooEasy_areHardAndEasy_andOnlyForRightAnswers() {
        assertThat(LearningLoop.allowedGrades(true)).containsExactly(Grade.HARD, Grade.GOOD, Grade.EASY);
        assertThat(LearningLoop.allowedGrades(false)).containsExactly(Grade.AGAIN);
        Card hard = loop.answer(null, "q", Grade.HARD, T0);
        Card easy = loop.answer(null, "q", Grade.EASY, T0);
        assertThat(hard.due()).isEqualTo(T0.plus(Duration.ofSeconds(330)));  // between the 1 and 10 minute steps
        assertThat(easy.due()).isEqualTo(T0.plus(Duration.ofDays(8)));       // S0(Easy) = 8.2956 days
    }

    @Test
    void examAnswers_createCards_missesAndUnansweredDueTheSameDay() {
        QuestionBank bank = TestBanks.saa(5, 5, 5, 5);
        MutableClock clock = new MutableClock(T0);
        ExamSession exam = ExamSession.start(bank, "SAA", 8, clock, new Random(3));
        PresentedQuestion first = exam.current();
        exam.answer(first.question().answer());
        exam.next();
        PresentedQuestion second = exam.current();
        String wrongOption = second.options().stream().map(o -> o.id())
                .filter(id -> !((Answer.Choice) second.question().answer()).optionIds().contains(id)).findFirst()
                .orElseThrow();
        exam.answer(new Answer.Choice(java.util.Set.of(wrongOption)));
        ExamResult result = exam.submit();
        Map<String, Card> before = new HashMap<>();
        List<Card> cards = loop.exam(result, before, clock.instant());
        assertThat(cards).hasSize(8);
        Map<String, Card> byId = new HashMap<>();
        cards.forEach(c -> byId.put(c.questionId(), c));
        assertThat(byId.get(first.question().id()).due()).isEqualTo(T0.plus(Duration.ofMinutes(10)));
        assertThat(byId.get(second.question().id()).due()).isEqualTo(T0.plus(Duration.ofMinutes(1)));
        Instant endOfDay = T0.atZone(ZoneOffset.UTC).toLocalDate().plusDays(1).atStartOfDay(ZoneOffset.UTC)
                .toInstant();
        assertThat(cards).filteredOn(c -> !c.questionId().equals(first.question().id()))
                .allSatisfy(c -> assertThat(c.due()).isBefore(endOfDay));
        // A second exam updates the existing card instead of starting over.
        Card updated = loop.answer(byId.get(first.question().id()), first.question().id(), Grade.GOOD,
                T0.plus(Duration.ofMinutes(10)));
        assertThat(updated.reps()).isEqualTo(2);
        assertThat(updated.state()).isEqualTo(CardState.REVIEW);
    }

    @Test
    void intervalPreviews_matchWhatTheSchedulerThenDoes() {
        Card learned = loop.answer(null, "q", Grade.EASY, T0);
        Instant at = learned.due().plus(Duration.ofDays(2));
        for (Card card : List.of(Card.newCard("n", T0), learned)) {
            Instant now = card == learned ? at : T0;
            Map<Grade, Duration> preview = scheduler.preview(card, now);
            for (Grade g : Grade.values()) {
                assertThat(now.plus(preview.get(g))).as("%s on %s", g, card.state())
                        .isEqualTo(scheduler.review(card, g, now).due());
            }
        }
        Map<Grade, Duration> fresh = scheduler.preview(Card.newCard("n", T0), T0);
        assertThat(IntervalFormat.of(fresh.get(Grade.AGAIN))).isEqualTo("<1 min");
        assertThat(IntervalFormat.of(fresh.get(Grade.HARD))).isEqualTo("<6 min");
        assertThat(IntervalFormat.of(fresh.get(Grade.GOOD))).isEqualTo("<10 min");
        assertThat(IntervalFormat.of(fresh.get(Grade.EASY))).isEqualTo("8 d");
        assertThat(IntervalFormat.of(Duration.ofDays(45))).isEqualTo("1.5 mo");
        assertThat(IntervalFormat.of(Duration.ofHours(5))).isEqualTo("5 h");
        assertThat(IntervalFormat.of(Duration.ofDays(800))).isEqualTo("2.2 y");
    }

    @Test
    void readinessPerDomain_isTheMeanRetrievability_unseenCountingZero() {
        QuestionBank bank = TestBanks.saa(2, 1, 1, 0);
        Track saa = TestBanks.CATALOG.requireTrack("SAA");
        Map<String, Card> cards = new HashMap<>();
        Card known = scheduler.review(Card.newCard("d0-0", T0), Grade.EASY, T0);
        cards.put("d0-0", known);
        Card missed = scheduler.review(Card.newCard("d1-0", T0), Grade.AGAIN, T0);
        cards.put("d1-0", missed);
        Instant now = T0.plus(Duration.ofDays(3));
        List<Readiness.DomainReadiness> r = Readiness.byDomain(saa, bank, cards, scheduler, now);
        double rKnown = scheduler.retrievability(known, now);
        double rMissed = scheduler.retrievability(missed, now);
        assertThat(r.get(0).percent()).isEqualTo((int) Math.round(100 * rKnown / 2));  // d0-1 never seen: 0
        assertThat(r.get(0).seen()).isEqualTo(1);
        assertThat(r.get(0).total()).isEqualTo(2);
        assertThat(r.get(1).percent()).isEqualTo((int) Math.round(100 * rMissed));
        assertThat(r.get(2).percent()).isZero();
        assertThat(r.get(3).total()).isZero();
        assertThat(rKnown).isGreaterThan(rMissed);
        // The weakest domain with questions: High-Performing (0%, never answered), not the empty Cost domain.
        assertThat(Readiness.weakest(r).orElseThrow().domain()).isEqualTo(saa.domains().get(2).name());
    }

    @Test
    void studyCounts_dueTodayNewAndLearned() {
        QuestionBank bank = TestBanks.saa(2, 1, 1, 0);
        Map<String, Card> cards = new HashMap<>();
        cards.put("d0-0", scheduler.review(Card.newCard("d0-0", T0), Grade.EASY, T0));   // review, due in 8 d
        cards.put("d1-0", scheduler.review(Card.newCard("d1-0", T0), Grade.AGAIN, T0));  // learning, due in 1 min
        StudyCounts c = StudyCounts.of(bank, "SAA", cards, T0, ZoneOffset.UTC);
        assertThat(c).isEqualTo(new StudyCounts(1, 2, 1));
        // The miss shows in Review at once (learn-ahead), before its 1-minute step is over.
        assertThat(DueQueue.due(bank, "SAA", cards, T0, 0)).extracting(Card::questionId).containsExactly("d1-0");
    }
}
