package dev.kmslab.study.quiz.srs;

import dev.kmslab.study.quiz.exam.ExamResult;
import dev.kmslab.study.quiz.exam.ReviewEntry;
import dev.kmslab.study.quiz.exam.ReviewFilter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns every answer into a spaced-repetition review, whatever the mode: a wrong answer is Again (so the card is due
 * again within minutes), a right one Good; the learner may then say "I guessed" (Hard) or "Too easy" (Easy), which
 * re-grades the same answer from the card as it was before it.
 */
public final class LearningLoop {

    private final FsrsScheduler scheduler;

    public LearningLoop(FsrsScheduler scheduler) {
        this.scheduler = scheduler;
    }

    public FsrsScheduler scheduler() {
        return scheduler;
    }

    /** Again for a wrong (or unanswered) question, Good for a right one. */
    public static Grade gradeFor(boolean correct) {
        return correct ? Grade.GOOD : Grade.AGAIN;
    }

    /** The grades the learner may give an answer: only Again when it was wrong (FSRS counts others as recalled). */
    public static List<Grade> allowedGrades(boolean correct) {
        return correct ? List.of(Grade.HARD, Grade.GOOD, Grade.EASY) : List.of(Grade.AGAIN);
    }

    /**
     * The card after answering question {@code questionId} with {@code grade}.
     *
     * @param before the card as it was before this answer, or null for a question never seen
     */
    public Card answer(Card before, String questionId, Grade grade, Instant now) {
        Card from = before != null ? before : Card.newCard(questionId, now);
        return scheduler.review(from, grade, now);
    }

    /**
     * Cards for every question of a submitted exam: right answers Good, wrong or unanswered ones Again.
     *
     * @param cards the learner's cards before the exam, by question id
     */
    public List<Card> exam(ExamResult result, Map<String, Card> cards, Instant now) {
        List<Card> out = new ArrayList<>();
        for (ReviewEntry e : result.review(ReviewFilter.ALL)) {
            String id = e.question().question().id();
            out.add(answer(cards.get(id), id, gradeFor(e.correct()), now));
        }
        return out;
    }
}
