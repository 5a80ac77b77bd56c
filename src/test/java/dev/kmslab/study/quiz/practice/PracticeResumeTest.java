package dev.kmslab.study.quiz.practice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.study.quiz.Attempt;
import dev.kmslab.study.quiz.MutableClock;
import dev.kmslab.study.quiz.QuestionBank;
import dev.kmslab.study.quiz.TestBanks;
import dev.kmslab.study.quiz.progress.QuizProgressStore;
import dev.kmslab.study.quiz.srs.Card;
import dev.kmslab.study.quiz.srs.CardState;
import dev.kmslab.study.quiz.srs.FsrsScheduler;
import dev.kmslab.study.quiz.srs.LearningLoop;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PracticeResumeTest {

    private final QuestionBank bank = TestBanks.saa(6, 6, 6, 6);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T09:00:00Z"));
    private final LearningLoop loop = new LearningLoop(FsrsScheduler.withDefaults());

    @TempDir
    Path dir;

    @Test
    void lengthLimitsTheSession_andASavedSessionResumesAtItsNextQuestion() throws Exception {
        PracticeSession s = new PracticeSession(bank, PracticeFilter.track("SAA"), 10, new Random(5), clock);
        assertThat(s.size()).isEqualTo(10);
        assertThat(new PracticeSession(bank, PracticeFilter.track("SAA"), PracticeSession.ALL, new Random(5), clock)
                .size()).isEqualTo(24);
        QuizProgressStore store = QuizProgressStore.open(dir, clock);
        for (int i = 0; i < 3; i++) {
            boolean right = i != 1;
            var q = s.current();
            var answer = right ? q.question().answer() : new dev.kmslab.study.quiz.Answer.Choice(java.util.Set.of(
                    q.options().stream().map(o -> o.id()).filter(id -> !((dev.kmslab.study.quiz.Answer.Choice)
                            q.question().answer()).optionIds().contains(id)).findFirst().orElseThrow()));
            s.submit(answer);
            Attempt a = s.attempts().get(s.attempts().size() - 1);
            Card c = loop.answer(store.card(a.questionId()).orElse(null), a.questionId(),
                    LearningLoop.gradeFor(a.correct()), clock.instant());
            store.recordPracticeAnswer(a, c, s.state());
            s.next();
        }
        List<String> order = s.state().questionIds();

        QuizProgressStore reopened = QuizProgressStore.open(dir, clock);
        PracticeState saved = reopened.practice().orElseThrow();
        assertThat(saved.answered()).isEqualTo(3);
        assertThat(saved.correct()).isEqualTo(2);
        assertThat(reopened.cards()).hasSize(3);
        assertThat(reopened.card(order.get(1)).orElseThrow().state()).isEqualTo(CardState.LEARNING);
        assertThat(reopened.mistakes("SAA", bank)).containsExactly(order.get(1));

        PracticeSession resumed = PracticeSession.resume(bank, saved, new Random(9), clock).orElseThrow();
        assertThat(resumed.index()).isEqualTo(3);
        assertThat(resumed.current().question().id()).isEqualTo(order.get(3));
        assertThat(resumed.correctCount()).isEqualTo(2);
        assertThat(resumed.answeredCount()).isEqualTo(3);
        assertThat(resumed.state().questionIds()).isEqualTo(order);
    }

    @Test
    void aFinishedSessionIsForgotten_andACorruptFileIsKeptAsideAndReported() throws Exception {
        QuizProgressStore store = QuizProgressStore.open(dir, clock);
        PracticeSession s = new PracticeSession(bank, PracticeFilter.track("SAA"), 1, new Random(5), clock);
        s.submit(s.current().question().answer());
        Attempt a = s.attempts().get(0);
        store.recordPracticeAnswer(a, loop.answer(null, a.questionId(), LearningLoop.gradeFor(true),
                clock.instant()), s.state());
        assertThat(QuizProgressStore.open(dir, clock).practice()).isEmpty();

        Files.writeString(dir.resolve(QuizProgressStore.FILE_NAME), "{ \"version\": 1, \"practice\": {");
        QuizProgressStore broken = QuizProgressStore.open(dir, clock);
        assertThat(broken.takeNotice()).hasValueSatisfying(n -> assertThat(n).contains("could not be read"));
        assertThat(broken.practice()).isEmpty();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .anyMatch(n -> n.startsWith(QuizProgressStore.FILE_NAME) && !n.equals(QuizProgressStore.FILE_NAME));
        }
    }
}
