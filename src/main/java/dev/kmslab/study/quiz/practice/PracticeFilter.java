package dev.kmslab.study.quiz.practice;

import dev.kmslab.study.quiz.Question;
import java.util.Set;

/**
 * Which questions a practice session draws from. An empty set means "any"; within a set any match counts. A domain
 * filter applies to the question's domains in the selected tracks (or in all its tracks when none is selected).
 */
public record PracticeFilter(Set<String> tracks, Set<String> domains, Set<String> topics) {

    public PracticeFilter {
        tracks = Set.copyOf(tracks);
        domains = Set.copyOf(domains);
        topics = Set.copyOf(topics);
    }

    public static PracticeFilter all() {
        return new PracticeFilter(Set.of(), Set.of(), Set.of());
    }

    public static PracticeFilter track(String trackId) {
        return new PracticeFilter(Set.of(trackId), Set.of(), Set.of());
    }

    public boolean matches(Question q) {
        boolean trackOk = tracks.isEmpty() || q.tracks().stream().anyMatch(tracks::contains);
        boolean domainOk = domains.isEmpty() || q.tracks().stream()
                .filter(t -> tracks.isEmpty() || tracks.contains(t))
                .anyMatch(t -> domains.contains(q.domains().get(t)));
        boolean topicOk = topics.isEmpty() || q.topics().stream().anyMatch(topics::contains);
        return trackOk && domainOk && topicOk;
    }
}
