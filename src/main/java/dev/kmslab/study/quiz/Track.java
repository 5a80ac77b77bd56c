package dev.kmslab.study.quiz;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A certification track (SAA, SAP, DVA, MLA, MLS) with the real exam's size, time and pass mark, used to size the
 * simulated exam and to put its score on the same scale.
 */
public record Track(String id, String exam, String name, int questions, int scoredQuestions, int minutes,
                    int passMark, boolean retired, String retiredNote, List<Domain> domains) {

    public Track {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        if (questions <= 0 || minutes <= 0) {
            throw new IllegalArgumentException("track " + id + " needs positive questions and minutes");
        }
        domains = List.copyOf(domains);
    }

    /** Time per question in the real exam, e.g. 130 min / 65 questions = 2 min. */
    public Duration timePerQuestion() {
        return Duration.ofSeconds(minutes * 60L).dividedBy(questions);
    }

    public Optional<Domain> domain(String domainName) {
        return domains.stream().filter(d -> d.name().equals(domainName)).findFirst();
    }

    public Optional<String> retiredNoteIfAny() {
        return retired ? Optional.ofNullable(retiredNote) : Optional.empty();
    }
}
