package dev.kmslab.study.quiz;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A certification track (SAA, SAP, DVA, MLA, AIP, SCS; MLS retired) with the real exam's size, time, pass mark and
 * question types, used to size the simulated exam and to put its score on the same scale.
 *
 * @param questionTypes the response types the exam guide lists ("multiple choice", "ordering", ...); empty when the
 *                      guide could not be confirmed
 */
public record Track(String id, String exam, String name, int questions, int scoredQuestions, int minutes,
                    int passMark, boolean retired, String retiredNote, List<Domain> domains,
                    List<String> questionTypes) {

    public Track {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        if (questions <= 0 || minutes <= 0) {
            throw new IllegalArgumentException("track " + id + " needs positive questions and minutes");
        }
        domains = List.copyOf(domains);
        questionTypes = questionTypes == null ? List.of() : List.copyOf(questionTypes);
    }

    public Track(String id, String exam, String name, int questions, int scoredQuestions, int minutes, int passMark,
                 boolean retired, String retiredNote, List<Domain> domains) {
        this(id, exam, name, questions, scoredQuestions, minutes, passMark, retired, retiredNote, domains, List.of());
    }

    /**
     * True when the exam guide publishes a weight for every domain. Without weights (all zero in tracks.json) the
     * exam draw spreads questions evenly and the screens say "AWS publishes no weights".
     */
    public boolean hasWeights() {
        return !domains.isEmpty() && domains.stream().allMatch(d -> d.weight() > 0);
    }

    /** The weight used for the exam draw: the published one, or an equal share when AWS publishes none. */
    public int drawWeight(Domain d) {
        return hasWeights() ? d.weight() : 1;
    }

    /** "30%" or, when AWS publishes no weights, an empty string. */
    public String weightLabel(Domain d) {
        return hasWeights() ? d.weight() + "%" : "";
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

    /** The note shown on the track's card: why it is retired, or what about the exam version is not confirmed. */
    public Optional<String> noteIfAny() {
        return Optional.ofNullable(retiredNote).filter(n -> !n.isBlank());
    }
}
