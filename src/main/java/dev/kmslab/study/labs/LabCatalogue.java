package dev.kmslab.study.labs;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Every lab that loaded, built-in first, then instructors' labs, each group sorted by file name. */
public final class LabCatalogue {

    private final List<Lab> labs;

    public LabCatalogue(List<Lab> labs) {
        this.labs = List.copyOf(labs);
    }

    public static LabCatalogue empty() {
        return new LabCatalogue(List.of());
    }

    public List<Lab> labs() {
        return labs;
    }

    public Optional<Lab> lab(String id) {
        return labs.stream().filter(l -> l.id().equals(id)).findFirst();
    }

    public List<Lab> forTrack(String trackId) {
        return labs.stream().filter(l -> l.forTrack(trackId)).collect(Collectors.toList());
    }

    /** Labs that practise a study topic (quiz topic id), e.g. for a concept page's "Try" links. */
    public List<Lab> forTopic(String topicId) {
        return labs.stream().filter(l -> l.topics().contains(topicId)).collect(Collectors.toList());
    }

    /** Labs that put a concept page into practice. */
    public List<Lab> forConcept(String conceptId) {
        return labs.stream().filter(l -> l.concepts().contains(conceptId)).collect(Collectors.toList());
    }

    public int size() {
        return labs.size();
    }
}
