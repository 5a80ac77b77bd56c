package dev.kmslab.study.quiz.progress;

import dev.kmslab.study.quiz.Attempt;
import dev.kmslab.study.quiz.practice.PracticeState;
import dev.kmslab.study.quiz.srs.Card;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the quizzes remember, as written to {@code quiz-progress.json}. Immutable: every change makes a new
 * value, so the store can persist it first and only then adopt it.
 *
 * @param practice  the unfinished practice session to resume, or null (absent in files written before it existed)
 * @param lastTrack the track the learner used last, reopened on the quiz home page; null before any
 */
public record QuizProgress(int version, List<Attempt> attempts, Map<String, Card> cards, List<ExamRecord> exams,
                           PracticeState practice, String lastTrack) {

    public static final int CURRENT_VERSION = 1;

    public QuizProgress {
        attempts = List.copyOf(attempts);
        cards = Map.copyOf(cards);
        exams = List.copyOf(exams);
    }

    public QuizProgress(int version, List<Attempt> attempts, Map<String, Card> cards, List<ExamRecord> exams) {
        this(version, attempts, cards, exams, null, null);
    }

    public static QuizProgress empty() {
        return new QuizProgress(CURRENT_VERSION, List.of(), Map.of(), List.of());
    }

    QuizProgress withPractice(PracticeState state) {
        return new QuizProgress(version, attempts, cards, exams, state, lastTrack);
    }

    QuizProgress withLastTrack(String trackId) {
        return new QuizProgress(version, attempts, cards, exams, practice, trackId);
    }

    QuizProgress withAttempts(List<Attempt> more) {
        List<Attempt> all = new ArrayList<>(attempts);
        all.addAll(more);
        return new QuizProgress(version, all, cards, exams, practice, lastTrack);
    }

    QuizProgress withCard(Card card) {
        Map<String, Card> all = new LinkedHashMap<>(cards);
        all.put(card.questionId(), card);
        return new QuizProgress(version, attempts, all, exams, practice, lastTrack);
    }

    QuizProgress withExam(ExamRecord exam) {
        List<ExamRecord> all = new ArrayList<>(exams);
        all.add(exam);
        return new QuizProgress(version, attempts, cards, all, practice, lastTrack);
    }
}
