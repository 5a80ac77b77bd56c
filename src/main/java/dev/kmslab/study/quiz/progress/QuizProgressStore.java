package dev.kmslab.study.quiz.progress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kmslab.io.AtomicFile;
import dev.kmslab.study.quiz.Attempt;
import dev.kmslab.study.quiz.QuestionBank;
import dev.kmslab.study.quiz.exam.ExamResult;
import dev.kmslab.study.quiz.practice.PracticeState;
import dev.kmslab.study.quiz.srs.Card;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Attempts, spaced-repetition cards and exam results in {@code <data dir>/quiz-progress.json}. Every change is
 * written atomically before it is adopted, so a failed write leaves both the file and the in-memory state as they
 * were. A file that cannot be read is moved aside (never overwritten), the store starts empty and says so once.
 */
public final class QuizProgressStore {

    public static final String FILE_NAME = "quiz-progress.json";

    private final Path file;
    private final ObjectMapper mapper = ProgressJson.mapper();
    private QuizProgress progress;
    private String notice;

    private QuizProgressStore(Path file, QuizProgress progress, String notice) {
        this.file = file;
        this.progress = progress;
        this.notice = notice;
    }

    /** Reads the store; an unreadable file is moved aside and reported through {@link #takeNotice()}. */
    public static QuizProgressStore open(Path dataDir, Clock clock) throws IOException {
        Path file = dataDir.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            return new QuizProgressStore(file, QuizProgress.empty(), null);
        }
        try {
            QuizProgress loaded = ProgressJson.mapper().readValue(Files.readAllBytes(file), QuizProgress.class);
            if (loaded == null || loaded.version() != QuizProgress.CURRENT_VERSION) {
                throw new UnsupportedVersion(loaded == null ? "empty file" : "version " + loaded.version());
            }
            return new QuizProgressStore(file, loaded, null);
        } catch (JsonProcessingException | UnsupportedVersion | IllegalArgumentException e) {
            Path aside = AtomicFile.moveAside(file, clock);
            return new QuizProgressStore(file, QuizProgress.empty(), "Your quiz progress file could not be read ("
                    + reason(e) + "). It was kept as " + aside.getFileName() + " and quiz progress starts empty.");
        }
    }

    private static String reason(Exception e) {
        return e instanceof JsonProcessingException ? ((JsonProcessingException) e).getOriginalMessage()
                : e.getMessage();
    }

    private static final class UnsupportedVersion extends Exception {
        UnsupportedVersion(String what) {
            super("unsupported " + what);
        }
    }

    /** The corrupt-file notice, once; empty afterwards and when the file was fine. */
    public Optional<String> takeNotice() {
        Optional<String> once = Optional.ofNullable(notice);
        notice = null;
        return once;
    }

    public QuizProgress snapshot() {
        return progress;
    }

    public void recordAttempts(List<Attempt> attempts) throws IOException {
        commit(progress.withAttempts(attempts));
    }

    public void recordExam(ExamResult result) throws IOException {
        commit(progress.withExam(ExamRecord.of(result)));
    }

    public void putCard(Card card) throws IOException {
        commit(progress.withCard(card));
    }

    /** Saves a practice answer: its attempt, its card and where the session stands, in one atomic write. */
    public void recordPracticeAnswer(Attempt attempt, Card card, PracticeState state) throws IOException {
        commit(progress.withAttempts(List.of(attempt)).withCard(card)
                .withPractice(state == null || state.finished() ? null : state));
    }

    /** Saves cards (an exam's answers) together with its result and attempts in one atomic write. */
    public void recordExam(ExamResult result, List<Attempt> attempts, List<Card> cards) throws IOException {
        QuizProgress next = progress.withExam(ExamRecord.of(result)).withAttempts(attempts);
        for (Card c : cards) {
            next = next.withCard(c);
        }
        commit(next);
    }

    /** Remembers (or, with null, forgets) the practice session to resume. */
    public void putPractice(PracticeState state) throws IOException {
        commit(progress.withPractice(state == null || state.finished() ? null : state));
    }

    public Optional<PracticeState> practice() {
        return Optional.ofNullable(progress.practice());
    }

    /** Remembers the track used last; no write when it did not change. */
    public void putLastTrack(String trackId) throws IOException {
        if (trackId != null && !trackId.equals(progress.lastTrack())) {
            commit(progress.withLastTrack(trackId));
        }
    }

    public Optional<String> lastTrack() {
        return Optional.ofNullable(progress.lastTrack());
    }

    public Map<String, Card> cards() {
        return progress.cards();
    }

    public Optional<Card> card(String questionId) {
        return Optional.ofNullable(progress.cards().get(questionId));
    }

    /**
     * "My mistakes": the track's questions whose latest answer (in any mode, studying this track) was wrong, so a
     * question leaves the list once answered right.
     */
    public Set<String> mistakes(String trackId, QuestionBank bank) {
        Set<String> inTrack = bank.forTrack(trackId).stream().map(q -> q.id()).collect(Collectors.toSet());
        Map<String, Boolean> latest = new java.util.HashMap<>();
        for (Attempt a : progress.attempts()) {
            if (inTrack.contains(a.questionId()) && a.tracks().contains(trackId)) {
                latest.put(a.questionId(), a.correct());
            }
        }
        return latest.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    /** Exam scores of a track, oldest first, for the chart. */
    public List<ScorePoint> scoresOverTime(String trackId) {
        return History.scoresOverTime(progress, trackId);
    }

    /**
     * Topics with the lowest accuracy among those with at least {@code minAttempts} attempts, worst first; only
     * attempts made while studying {@code trackId}, or all attempts when it is empty.
     */
    public List<TopicAccuracy> weakestTopics(Optional<String> trackId, int minAttempts, int limit) {
        return History.weakestTopics(progress, trackId, minAttempts, limit);
    }

    /** Answers given per topic id (practice, exam and review; right or wrong), for the learning path's ticks. */
    public Map<String, Integer> answeredByTopic() {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        for (Attempt a : progress.attempts()) {
            a.topics().forEach(t -> counts.merge(t, 1, Integer::sum));
        }
        return counts;
    }

    /**
     * Forgets a track: its exam results, its share of attempts (attempts studied for no other track are removed) and
     * the cards of the bank's questions for that track (a card is per question, so a question shared with another
     * track restarts there too).
     */
    public void resetTrack(String trackId, QuestionBank bank) throws IOException {
        Set<String> trackQuestions = bank.forTrack(trackId).stream().map(q -> q.id()).collect(Collectors.toSet());
        List<Attempt> attempts = progress.attempts().stream()
                .map(a -> new Attempt(a.questionId(), a.tracks().stream().filter(t -> !t.equals(trackId))
                        .collect(Collectors.toList()), a.topics(), a.correct(), a.at(), a.mode()))
                .filter(a -> !a.tracks().isEmpty())
                .collect(Collectors.toList());
        Map<String, Card> cards = progress.cards().entrySet().stream()
                .filter(e -> !trackQuestions.contains(e.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        List<ExamRecord> exams = progress.exams().stream().filter(e -> !e.trackId().equals(trackId))
                .collect(Collectors.toList());
        PracticeState practice = progress.practice() != null && progress.practice().filter().tracks().contains(trackId)
                ? null : progress.practice();
        commit(new QuizProgress(progress.version(), attempts, cards, exams, practice, progress.lastTrack()));
    }

    private void commit(QuizProgress next) throws IOException {
        AtomicFile.write(file, mapper.writeValueAsBytes(next));
        progress = next;
    }
}
