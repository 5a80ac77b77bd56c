package dev.kmslab.study.quiz.practice;

import dev.kmslab.study.quiz.Question;
import java.util.Set;

/**
 * Which questions a practice session draws from. An empty set means "any"; within a set any match counts. A domain
 * filter applies to the question's domains in the selected tracks (or in all its tracks when none is selected).
 * {@code questions} narrows to named questions, for "my mistakes".
 */
public record PracticeFilter(Set<String> tracks, Set<String> domains, Set<String> topics, Set<String> questions) {

    public PracticeFilter {
        tracks = tracks == null ? Set.of() : Set.copyOf(tracks);
        domains = domains == null ? Set.of() : Set.copyOf(domains);
        topics = topics == null ? Set.of() : Set.copyOf(topics);
        questions = questions == null ? Set.of() : Set.copyOf(questions);
    }

    public PracticeFilter(Set<String> tracks, Set<String> domains, Set<String> topics) {
        this(tracks, domains, topics, Set.of());
    }

    public static PracticeFilter all() {
        return new PracticeFilter(Set.of(), Set.of(), Set.of());
    }

    public static PracticeFilter track(String trackId) {
        return new PracticeFilter(Set.of(trackId), Set.of(), Set.of());
    }

    public static PracticeFilter domain(String trackId, String domain) {
        return new PracticeFilter(Set.of(trackId), Set.of(domain), Set.of());
    }

    public static PracticeFilter questions(String trackId, Set<String> questionIds) {
        return new PracticeFilter(Set.of(trackId), Set.of(), Set.of(), questionIds);
    }

    public boolean matches(Question q) {
        boolean trackOk = tracks.isEmpty() || q.tracks().stream().anyMatch(tracks::contains);
        boolean domainOk = domains.isEmpty() || q.tracks().stream()
                .filter(t -> tracks.isEmpty() || tracks.contains(t))
                .anyMatch(t -> domains.contains(q.domains().get(t)));
        boolean topicOk = topics.isEmpty() || q.topics().stream().anyMatch(topics::contains);
        boolean questionOk = questions.isEmpty() || questions.contains(q.id());
        return trackOk && domainOk && topicOk && questionOk;
    }
}
