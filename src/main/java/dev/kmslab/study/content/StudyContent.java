package dev.kmslab.study.content;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything the study screens show, with the problems found while loading it. */
public record StudyContent(String overviewMarkdown, List<Track> tracks, List<Topic> topics, List<Concept> concepts,
                           Map<String, String> conceptPages, List<ServiceEntry> services, List<Checklist> checklists,
                           List<ContentProblem> problems) {

    public StudyContent {
        tracks = List.copyOf(tracks);
        topics = List.copyOf(topics);
        concepts = List.copyOf(concepts);
        conceptPages = Map.copyOf(conceptPages);
        services = List.copyOf(services);
        checklists = List.copyOf(checklists);
        problems = List.copyOf(problems);
    }

    public Optional<Concept> concept(String id) {
        return concepts.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** The Markdown of a concept page; a page that failed to load explains why in its text. */
    public String conceptPage(String id) {
        return conceptPages.getOrDefault(id, "# Page not found\n\nThere is no concept page `" + id + "`.");
    }

    public Optional<ServiceEntry> service(String id) {
        return services.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public Optional<Track> track(String id) {
        return tracks.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    public Optional<Checklist> checklist(String trackId) {
        return checklists.stream().filter(c -> c.track().equals(trackId)).findFirst();
    }
}
