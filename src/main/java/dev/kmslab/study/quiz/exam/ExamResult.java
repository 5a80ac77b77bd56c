package dev.kmslab.study.quiz.exam;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The outcome of a simulated exam. {@code scaledScore} is the linear approximation of {@link ScaledScore}; AWS's real
 * scaling is not public.
 */
public record ExamResult(String trackId, int correct, int total, int scaledScore, int passMark, boolean timedOut,
                         Instant startedAt, Instant submittedAt, List<DomainScore> domains,
                         List<ReviewEntry> review) {

    public ExamResult {
        domains = List.copyOf(domains);
        review = List.copyOf(review);
    }

    public boolean passed() {
        return scaledScore >= passMark;
    }

    public List<ReviewEntry> review(ReviewFilter filter) {
        return review.stream().filter(filter::accepts).collect(Collectors.toList());
    }
}
