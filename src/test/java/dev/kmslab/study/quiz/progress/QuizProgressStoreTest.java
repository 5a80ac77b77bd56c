package dev.kmslab.study.quiz.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmslab.study.quiz.Answer;
import dev.kmslab.study.quiz.Attempt;
import dev.kmslab.study.quiz.MutableClock;
import dev.kmslab.study.quiz.QuestionBank;
import dev.kmslab.study.quiz.TestBanks;
import dev.kmslab.study.quiz.exam.ExamResult;
import dev.kmslab.study.quiz.exam.ExamSession;
import dev.kmslab.study.quiz.srs.Card;
import dev.kmslab.study.quiz.srs.FsrsScheduler;
import dev.kmslab.study.quiz.srs.Grade;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuizProgressStoreTest {

    @TempDir
    Path dataDir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-02-01T08:00:00Z"));
    private final QuestionBank bank = TestBanks.saa(4, 4, 4, 4);

    private static Attempt attempt(String id, String track, String topic, boolean correct, Instant at) {
        return new Attempt(id, List.of(track), List.of(topic), correct, at, Attempt.Mode.PRACTICE);
    }

    private ExamResult exam(int correctAnswers) {
        ExamSession s = ExamSession.start(bank, "SAA", 10, clock, new Random(1));
        for (int i = 0; i < correctAnswers; i++) {
            s.goTo(i);
            s.answer(Answer.Choice.of("b"));
        }
        return s.submit();
    }

    @Test
    void roundTrip_attemptsCardsAndExams() throws IOException {
        QuizProgressStore store = QuizProgressStore.open(dataDir, clock);
        assertThat(store.takeNotice()).isEmpty();
        store.recordAttempts(List.of(attempt("d0-0", "SAA", "key-policies", true, clock.instant())));
        Card card = FsrsScheduler.withDefaults().review(Card.newCard("d0-0", clock.instant()), Grade.GOOD,
                clock.instant());
        store.putCard(card);
        ExamResult result = exam(8);
        store.recordExam(result);

        QuizProgressStore reopened = QuizProgressStore.open(dataDir, clock);

        assertThat(reopened.snapshot()).isEqualTo(store.snapshot());
        assertThat(reopened.card("d0-0")).contains(card);
        assertThat(reopened.snapshot().exams().get(0).domains()).isEqualTo(result.domains());
        assertThat(reopened.scoresOverTime("SAA")).containsExactly(
                new ScorePoint(result.submittedAt(), 820, 720, true));
        assertThat(Files.readString(dataDir.resolve(QuizProgressStore.FILE_NAME)))
                .contains("\"at\" : \"2026-02-01T08:00:00Z\"");
    }

    @Test
    void corruptFile_movedAside_startsEmpty_noticeOnce() throws IOException {
        Path file = dataDir.resolve(QuizProgressStore.FILE_NAME);
        Files.writeString(file, "{\"version\": 1, \"attempts\": [", StandardCharsets.UTF_8);

        QuizProgressStore store = QuizProgressStore.open(dataDir, clock);

        assertThat(store.snapshot()).isEqualTo(QuizProgress.empty());
        Optional<String> notice = store.takeNotice();
        assertThat(notice).hasValueSatisfying(n -> assertThat(n)
                .startsWith("Your quiz progress file could not be read (")
                .endsWith("It was kept as quiz-progress.json.corrupt-20260201T080000Z and quiz progress starts empty."));
        assertThat(store.takeNotice()).isEmpty();
        assertThat(Files.readString(dataDir.resolve("quiz-progress.json.corrupt-20260201T080000Z")))
                .isEqualTo("{\"version\": 1, \"attempts\": [");
        assertThat(file).doesNotExist();

        store.recordAttempts(List.of(attempt("d0-0", "SAA", "rotation", false, clock.instant())));
        assertThat(QuizProgressStore.open(dataDir, clock).snapshot().attempts()).hasSize(1);
    }

    @Test
    void wrongShapeOrVersion_isCorruptToo() throws IOException {
        Path file = dataDir.resolve(QuizProgressStore.FILE_NAME);
        Files.writeString(file, "{\"version\": 1, \"attempts\": [{\"questionId\": null}]}", StandardCharsets.UTF_8);
        assertThat(QuizProgressStore.open(dataDir, clock).takeNotice()).isPresent();

        clock.advance(Duration.ofSeconds(1));
        Files.writeString(file, "{\"version\": 99, \"attempts\": [], \"cards\": {}, \"exams\": []}");
        assertThat(QuizProgressStore.open(dataDir, clock).takeNotice())
                .hasValueSatisfying(n -> assertThat(n).contains("(unsupported version 99)"));
        try (Stream<Path> files = Files.list(dataDir)) {
            assertThat(files.filter(p -> p.getFileName().toString().contains(".corrupt-"))).hasSize(2);
        }
    }

    @Test
    void failedWrite_leavesStateAsItWas() throws IOException {
        QuizProgressStore store = QuizProgressStore.open(dataDir, clock);
        store.recordAttempts(List.of(attempt("d0-0", "SAA", "rotation", true, clock.instant())));
        // Replace the file by a non-empty directory: the atomic rename cannot replace it.
        Path file = dataDir.resolve(QuizProgressStore.FILE_NAME);
        Files.delete(file);
        Files.createDirectories(file.resolve("blocker"));

        assertThatThrownBy(() -> store.recordAttempts(List.of(attempt("d0-1", "SAA", "rotation", true,
                clock.instant())))).isInstanceOf(IOException.class);
        assertThat(store.snapshot().attempts()).extracting(Attempt::questionId).containsExactly("d0-0");
    }

    @Test
    void weakestTopics_lowestAccuracyWithMinimumAttempts() throws IOException {
        QuizProgressStore store = QuizProgressStore.open(dataDir, clock);
        Instant t = clock.instant();
        store.recordAttempts(List.of(
                attempt("q1", "SAA", "rotation", false, t), attempt("q2", "SAA", "rotation", true, t),
                attempt("q3", "SAA", "rotation", false, t),                         // rotation 1/3
                attempt("q4", "SAA", "grants", true, t), attempt("q5", "SAA", "grants", false, t), // grants 1/2
                attempt("q6", "SAA", "s3", false, t),                               // s3: only one attempt
                attempt("q7", "DVA", "lambda", false, t), attempt("q8", "DVA", "lambda", false, t)));

        assertThat(store.weakestTopics(Optional.of("SAA"), 2, 5)).containsExactly(
                new TopicAccuracy("rotation", 1, 3), new TopicAccuracy("grants", 1, 2));
        assertThat(store.weakestTopics(Optional.empty(), 2, 1)).containsExactly(new TopicAccuracy("lambda", 0, 2));
        assertThat(new TopicAccuracy("rotation", 1, 4).percent()).isEqualTo(25.0);
    }

    @Test
    void resetTrack_forgetsOnlyThatTrack() throws IOException {
        QuestionBank mixed = TestBanks.of(dev.kmslab.study.quiz.QuestionJson.single("saa-q"),
                dev.kmslab.study.quiz.QuestionJson.forTrack(dev.kmslab.study.quiz.QuestionJson.single("dva-q"),
                        "DVA", "Security"));
        QuizProgressStore store = QuizProgressStore.open(dataDir, clock);
        Instant t = clock.instant();
        store.recordAttempts(List.of(attempt("saa-q", "SAA", "rotation", true, t),
                attempt("dva-q", "DVA", "rotation", false, t),
                new Attempt("both", List.of("SAA", "DVA"), List.of("grants"), true, t, Attempt.Mode.PRACTICE)));
        store.putCard(Card.newCard("saa-q", t));
        store.putCard(Card.newCard("dva-q", t));
        store.recordExam(exam(5));

        store.resetTrack("SAA", mixed);

        QuizProgress p = QuizProgressStore.open(dataDir, clock).snapshot();
        assertThat(p.exams()).isEmpty();
        assertThat(p.cards()).containsOnlyKeys("dva-q");
        assertThat(p.attempts()).extracting(Attempt::questionId).containsExactly("dva-q", "both");
        assertThat(p.attempts().get(1).tracks()).containsExactly("DVA");
        assertThat(store.scoresOverTime("SAA")).isEmpty();
    }
}
