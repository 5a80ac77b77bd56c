package dev.kmslab.study.quiz.progress;

import dev.kmslab.study.quiz.exam.DomainScore;
import dev.kmslab.study.quiz.exam.ExamResult;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** The persisted summary of a submitted exam (the review itself is not kept). */
public record ExamRecord(String trackId, Instant at, int correct, int total, int scaledScore, int passMark,
                         boolean timedOut, List<DomainScore> domains) {

    public ExamRecord {
        Objects.requireNonNull(trackId, "trackId");
        Objects.requireNonNull(at, "at");
        domains = List.copyOf(domains);
    }

    public static ExamRecord of(ExamResult r) {
        return new ExamRecord(r.trackId(), r.submittedAt(), r.correct(), r.total(), r.scaledScore(), r.passMark(),
                r.timedOut(), r.domains());
    }

    public boolean passed() {
        return scaledScore >= passMark;
    }
}
