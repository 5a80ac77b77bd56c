package dev.kmslab.study.quiz;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One validated bank question. Instances come from the loader, which has already checked every cross-reference
 * (answer ids, tracks, domains, topics), so consumers can rely on them.
 *
 * @param domains exam domain name per track id, one entry for each of {@code tracks}
 * @param choose  number of answers to pick for {@link QuestionType#MULTIPLE}; 0 for every other type
 * @param targets right-hand column for {@link QuestionType#MATCHING}; empty otherwise
 * @param lab     id of a flow or lab scenario to try the idea in, or null
 * @param source  the file the question came from, for error messages and instructor packs
 */
public record Question(String id, List<String> tracks, Map<String, String> domains, List<String> topics,
                       QuestionType type, int choose, String stem, List<Option> options, List<Target> targets,
                       Answer answer, Reference reference, Difficulty difficulty, String lab, String source) {

    public Question {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(answer, "answer");
        tracks = List.copyOf(tracks);
        domains = Map.copyOf(domains);
        topics = List.copyOf(topics);
        options = List.copyOf(options);
        targets = List.copyOf(targets);
    }

    public boolean servesTrack(String trackId) {
        return tracks.contains(trackId);
    }

    /** The exam domain this question belongs to in the given track, if it serves that track. */
    public Optional<String> domainFor(String trackId) {
        return Optional.ofNullable(domains.get(trackId));
    }

    public Optional<String> labId() {
        return Optional.ofNullable(lab);
    }

    public Optional<Option> option(String optionId) {
        return options.stream().filter(o -> o.id().equals(optionId)).findFirst();
    }

    public Optional<Target> target(String targetId) {
        return targets.stream().filter(t -> t.id().equals(targetId)).findFirst();
    }
}
