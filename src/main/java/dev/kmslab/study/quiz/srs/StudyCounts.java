package dev.kmslab.study.quiz.srs;

import dev.kmslab.study.quiz.Question;
import dev.kmslab.study.quiz.QuestionBank;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;

/**
 * The track home's counters. {@code dueToday}: answered questions due before the end of the learner's day (a miss
 * comes back within minutes, so it is counted at once); {@code fresh}: never answered; {@code learned}: in the Review
 * state (past the learning steps and not currently forgotten).
 */
public record StudyCounts(long dueToday, long fresh, long learned) {

    public static StudyCounts of(QuestionBank bank, String trackId, Map<String, Card> cards, Instant now,
                                 ZoneId zone) {
        Instant endOfDay = ZonedDateTime.ofInstant(now, zone).toLocalDate().plusDays(1).atStartOfDay(zone)
                .toInstant();
        long due = 0;
        long fresh = 0;
        long learned = 0;
        for (Question q : bank.forTrack(trackId)) {
            Card c = cards.get(q.id());
            if (c == null || c.state() == CardState.NEW) {
                fresh++;
                continue;
            }
            if (c.due().isBefore(endOfDay)) {
                due++;
            }
            if (c.state() == CardState.REVIEW) {
                learned++;
            }
        }
        return new StudyCounts(due, fresh, learned);
    }
}
