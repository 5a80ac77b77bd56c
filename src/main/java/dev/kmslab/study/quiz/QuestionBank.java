package dev.kmslab.study.quiz;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** The loaded, validated questions (built-in bank plus instructor packs), in load order. */
public final class QuestionBank {

    private final TrackCatalog catalog;
    private final Map<String, Question> byId = new LinkedHashMap<>();

    public QuestionBank(TrackCatalog catalog, Collection<Question> questions) {
        this.catalog = catalog;
        for (Question q : questions) {
            if (byId.putIfAbsent(q.id(), q) != null) {
                throw new IllegalArgumentException("duplicate question id: " + q.id());
            }
        }
    }

    public TrackCatalog catalog() {
        return catalog;
    }

    public List<Question> all() {
        return List.copyOf(byId.values());
    }

    public int size() {
        return byId.size();
    }

    public Optional<Question> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public List<Question> forTrack(String trackId) {
        return filter(q -> q.servesTrack(trackId));
    }

    public List<Question> filter(Predicate<Question> predicate) {
        return byId.values().stream().filter(predicate).collect(Collectors.toList());
    }

    /** How many questions serve each track, for the track picker and the bank size checks. */
    public Map<String, Long> countByTrack() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Track t : catalog.tracks()) {
            counts.put(t.id(), byId.values().stream().filter(q -> q.servesTrack(t.id())).count());
        }
        return counts;
    }
}
