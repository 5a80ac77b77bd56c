package dev.kmslab.study.quiz.progress;

import dev.kmslab.study.quiz.Attempt;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Read-only queries over the progress for the history screen. */
final class History {

    private History() {
    }

    static List<ScorePoint> scoresOverTime(QuizProgress progress, String trackId) {
        return progress.exams().stream()
                .filter(e -> e.trackId().equals(trackId))
                .sorted(Comparator.comparing(ExamRecord::at))
                .map(e -> new ScorePoint(e.at(), e.scaledScore(), e.passMark(), e.passed()))
                .collect(Collectors.toList());
    }

    static List<TopicAccuracy> weakestTopics(QuizProgress progress, Optional<String> trackId, int minAttempts,
                                             int limit) {
        Map<String, int[]> byTopic = new LinkedHashMap<>();
        for (Attempt a : progress.attempts()) {
            if (trackId.isPresent() && !a.tracks().contains(trackId.get())) {
                continue;
            }
            for (String topic : a.topics()) {
                int[] counts = byTopic.computeIfAbsent(topic, t -> new int[2]);
                counts[0] += a.correct() ? 1 : 0;
                counts[1]++;
            }
        }
        return byTopic.entrySet().stream()
                .map(e -> new TopicAccuracy(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .filter(t -> t.attempts() >= minAttempts)
                .sorted(Comparator.comparingDouble(TopicAccuracy::percent)
                        .thenComparing(Comparator.comparingInt(TopicAccuracy::attempts).reversed())
                        .thenComparing(TopicAccuracy::topicId))
                .limit(limit)
                .collect(Collectors.toList());
    }
}
