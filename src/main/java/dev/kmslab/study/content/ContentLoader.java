package dev.kmslab.study.content;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Loads the study content. A missing or malformed file never stops the app: whatever can be used is used, and every
 * problem is collected with its file, JSON path or line, and what was expected.
 */
public final class ContentLoader {

    public static final List<String> CHECKLIST_TRACKS = List.of("SAA", "SAP", "DVA", "MLA", "AIP", "SCS", "MLS");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ContentSource source;
    private final List<ContentProblem> problems = new ArrayList<>();

    public ContentLoader(ContentSource source) {
        this.source = source;
    }

    public static StudyContent loadFromClasspath() {
        return new ContentLoader(ContentSource.classpath()).load();
    }

    public StudyContent load() {
        problems.clear();
        String overview = readText("overview.md").orElse(
                "# AWS Key Management Service\n\nThe overview could not be loaded; see the problems listed below.");
        TrackLoader trackLoader = new TrackLoader();
        Optional<JsonNode> tracksJson = readJson("tracks.json");
        List<Track> tracks = tracksJson.map(j -> trackLoader.tracks(j, fields("tracks.json"))).orElse(List.of());
        List<Topic> topics = tracksJson.map(j -> trackLoader.topics(j, fields("tracks.json"))).orElse(List.of());
        List<Concept> concepts = readJson("concepts/index.json")
                .map(j -> new ConceptIndexReader().read(j, fields("concepts/index.json"))).orElse(List.of());
        Map<String, String> pages = new LinkedHashMap<>();
        for (Concept concept : concepts) {
            pages.put(concept.id(), readText("concepts/" + concept.file()).orElse("# " + concept.title()
                    + "\n\nThis page could not be loaded: `content/concepts/" + concept.file() + "` is missing."));
        }
        List<ServiceEntry> services = readJson("services.json")
                .map(j -> new ServiceReader().read(j, fields("services.json"))).orElse(List.of());
        List<Checklist> checklists = new ArrayList<>();
        for (String track : CHECKLIST_TRACKS) {
            String file = "checklists/" + track.toLowerCase(java.util.Locale.ROOT) + ".json";
            readJson(file).map(j -> new ChecklistReader().read(j, fields(file), tracks)).ifPresent(checklists::add);
        }
        checkLinks(concepts, services, checklists);
        return new StudyContent(overview, tracks, topics, concepts, pages, services, checklists, problems);
    }

    private void checkLinks(List<Concept> concepts, List<ServiceEntry> services, List<Checklist> checklists) {
        Set<String> conceptIds = new HashSet<>();
        concepts.forEach(c -> conceptIds.add(c.id()));
        for (ServiceEntry service : services) {
            for (String concept : service.concepts()) {
                if (!conceptIds.contains(concept)) {
                    problems.add(new ContentProblem("content/services.json", "service " + service.id(),
                            "links to concept '" + concept + "', which has no page"));
                }
            }
        }
        for (Checklist checklist : checklists) {
            checklist.items().filter(i -> i.concept() != null && !conceptIds.contains(i.concept()))
                    .forEach(i -> problems.add(new ContentProblem(checklistFile(checklist), "item " + i.id(),
                            "links to concept '" + i.concept() + "', which has no page")));
        }
    }

    private static String checklistFile(Checklist checklist) {
        return "content/checklists/" + checklist.track().toLowerCase(java.util.Locale.ROOT) + ".json";
    }

    private JsonFields fields(String file) {
        return new JsonFields("content/" + file, problems::add);
    }

    private Optional<String> readText(String path) {
        try {
            Optional<String> text = source.read(path);
            if (text.isEmpty()) {
                problems.add(new ContentProblem("content/" + path, "", "file is missing"));
            }
            return text;
        } catch (IOException e) {
            problems.add(new ContentProblem("content/" + path, "", "could not be read: " + e.getMessage()));
            return Optional.empty();
        }
    }

    private Optional<JsonNode> readJson(String path) {
        Optional<String> text = readText(path);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            JsonNode node = MAPPER.readTree(text.get());
            if (node == null || !node.isObject()) {
                problems.add(new ContentProblem("content/" + path, "", "expected a JSON object at the top level"));
                return Optional.empty();
            }
            return Optional.of(node);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr();
            problems.add(new ContentProblem("content/" + path, where, "not valid JSON: " + e.getOriginalMessage()));
            return Optional.empty();
        }
    }
}
