package dev.kmslab.study.quiz.srs;

import dev.kmslab.study.quiz.Question;
import dev.kmslab.study.quiz.QuestionBank;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The cards of one track to review now: reviewed cards that are due (most overdue first), then up to
 * {@code newLimit} questions never reviewed, in bank order. Like Anki's "learn ahead" limit, a card in its short
 * (re)learning steps counts as due up to {@link #LEARN_AHEAD} early, so a question just missed in practice can be
 * drilled at once instead of after an idle wait of a few minutes.
 */
public final class DueQueue {

    public static final Duration LEARN_AHEAD = Duration.ofMinutes(20);

    private DueQueue() {
    }

    private static boolean dueNow(Card c, Instant now) {
        if (c == null || c.state() == CardState.NEW) {
            return false;
        }
        boolean shortStep = c.state() == CardState.LEARNING || c.state() == CardState.RELEARNING;
        return c.isDue(shortStep ? now.plus(LEARN_AHEAD) : now);
    }

    public static List<Card> due(QuestionBank bank, String trackId, Map<String, Card> cards, Instant now,
                                 int newLimit) {
        List<Question> questions = bank.forTrack(trackId);
        List<Card> due = questions.stream().map(q -> cards.get(q.id()))
                .filter(c -> dueNow(c, now))
                .sorted(Comparator.comparing(Card::due).thenComparing(Card::questionId))
                .collect(Collectors.toCollection(ArrayList::new));
        questions.stream()
                .filter(q -> !cards.containsKey(q.id()) || cards.get(q.id()).state() == CardState.NEW)
                .limit(Math.max(newLimit, 0))
                .forEach(q -> due.add(Card.newCard(q.id(), now)));
        return due;
    }

    /** How many reviewed cards of the track are due now (for a badge). */
    public static long dueCount(QuestionBank bank, String trackId, Map<String, Card> cards, Instant now) {
        return bank.forTrack(trackId).stream().map(q -> cards.get(q.id()))
                .filter(c -> dueNow(c, now)).count();
    }
}
