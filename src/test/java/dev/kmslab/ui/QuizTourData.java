package dev.kmslab.ui;

import dev.kmslab.study.quiz.Answer;
import dev.kmslab.study.quiz.Attempt;
import dev.kmslab.study.quiz.Question;
import dev.kmslab.study.quiz.QuestionBank;
import dev.kmslab.study.quiz.TrackCatalog;
import dev.kmslab.study.quiz.exam.ExamSession;
import dev.kmslab.study.quiz.load.QuestionBankLoader;
import dev.kmslab.study.quiz.progress.QuizProgressStore;
import dev.kmslab.ui.quiz.answer.AnswerDraft;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A believable quiz history for the screenshots: a few SAA exams on successive days and some practice answers. */
final class QuizTourData {

    private QuizTourData() {
    }

    static void seed(Path data) throws IOException {
        QuestionBank bank = new QuestionBankLoader(TrackCatalog.fromClasspath()).loadBuiltIn().bank();
        Instant day = Instant.now().minus(Duration.ofDays(12));
        int[] correctPerExam = {9, 12, 11, 15, 17};
        QuizProgressStore store = null;
        for (int i = 0; i < correctPerExam.length; i++) {
            Clock clock = Clock.fixed(day.plus(Duration.ofDays(2L * i)), ZoneOffset.UTC);
            store = store == null ? QuizProgressStore.open(data, clock) : store;
            ExamSession exam = ExamSession.start(bank, "SAA", 20, clock, new Random(i));
            for (int q = 0; q < correctPerExam[i]; q++) {
                exam.goTo(q);
                exam.answer(exam.current().question().answer());
            }
            exam.submit();
            store.recordExam(exam.result().orElseThrow());
            store.recordAttempts(exam.attempts());
        }
        List<Attempt> practice = new ArrayList<>();
        Random random = new Random(7);
        for (Question q : bank.forTrack("SAA")) {
            boolean hard = q.topics().contains("multi-region") || q.topics().contains("imported-material");
            practice.add(new Attempt(q.id(), List.of("SAA"), q.topics(), random.nextDouble() > (hard ? 0.6 : 0.2),
                    day, Attempt.Mode.PRACTICE));
        }
        store.recordAttempts(practice);
    }

    /** Gives some response to whatever question is shown, so a screenshot has feedback to show. */
    static void answer(AnswerDraft draft, boolean right) {
        switch (draft.type()) {
            case SINGLE:
            case MULTIPLE:
                var key = ((Answer.Choice) draft.question().question().answer()).optionIds();
                var ids = draft.question().options().stream().map(o -> o.id()).toList();
                List<String> pick = new ArrayList<>();
                if (!right) {
                    ids.stream().filter(id -> !key.contains(id)).findFirst().ifPresent(pick::add);
                }
                ids.stream().filter(key::contains).limit(draft.choose() - pick.size()).forEach(pick::add);
                pick.forEach(id -> draft.setSelected(id, true));
                break;
            case ORDERING:
                draft.move(0, 1);
                break;
            default:
                var targets = draft.targets();
                var shown = draft.question().options();
                for (int i = 0; i < shown.size(); i++) {
                    draft.match(shown.get(i).id(), targets.get(i % targets.size()).id());
                }
        }
    }
}
