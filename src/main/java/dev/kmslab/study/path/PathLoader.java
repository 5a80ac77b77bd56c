package dev.kmslab.study.path;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kmslab.study.content.ContentProblem;
import dev.kmslab.study.content.ContentSource;
import dev.kmslab.study.content.JsonFields;
import dev.kmslab.study.content.StudyContent;
import dev.kmslab.study.content.Topic;
import dev.kmslab.study.content.Track;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads {@code content/paths.json} and checks every reference against the loaded study content and the flow
 * catalogue. Like the other content, a bad entry costs only that entry: each problem names the file, the JSON path
 * (or line and column for broken JSON) and what was expected. Lab ids are checked later, once the labs have loaded
 * ({@link LearningPaths#unknownLabs}).
 */
public final class PathLoader {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final StudyContent content;
    private final Set<String> flowIds;

    /** @param flowIds the ids of the flow catalogue (the study layer does not depend on the flows themselves) */
    public PathLoader(StudyContent content, Set<String> flowIds) {
        this.content = content;
        this.flowIds = Set.copyOf(flowIds);
    }

    public LearningPaths load(ContentSource source) {
        List<ContentProblem> problems = new ArrayList<>();
        Optional<String> text;
        try {
            text = source.read("paths.json");
        } catch (IOException e) {
            problems.add(new ContentProblem(LearningPaths.FILE, "", "could not be read: " + e.getMessage()));
            return new LearningPaths(List.of(), problems);
        }
        if (text.isEmpty()) {
            problems.add(new ContentProblem(LearningPaths.FILE, "", "file is missing"));
            return new LearningPaths(List.of(), problems);
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(text.get());
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr();
            problems.add(new ContentProblem(LearningPaths.FILE, where, "not valid JSON: " + e.getOriginalMessage()));
            return new LearningPaths(List.of(), problems);
        }
        if (root == null || !root.isObject()) {
            problems.add(new ContentProblem(LearningPaths.FILE, "", "expected a JSON object at the top level"));
            return new LearningPaths(List.of(), problems);
        }
        return new LearningPaths(read(root, new JsonFields(LearningPaths.FILE, problems::add)), problems);
    }

    private List<TrackPath> read(JsonNode root, JsonFields f) {
        List<TrackPath> out = new ArrayList<>();
        Set<String> seenTracks = new HashSet<>();
        JsonNode paths = f.array(root, "paths", "");
        for (int p = 0; p < paths.size(); p++) {
            String at = "paths[" + p + "]";
            JsonNode node = paths.get(p);
            String trackId = f.text(node, "track", at);
            if (trackId == null) {
                continue;
            }
            Optional<Track> track = content.track(trackId);
            if (track.isEmpty()) {
                f.report(at + ".track", "expected a track id from tracks.json (" + ids(content.tracks().stream()
                        .map(Track::id)) + "), found '" + trackId + "'");
                continue;
            }
            if (track.get().retired()) {
                f.report(at + ".track", "track " + trackId + " is retired; a retired exam gets no learning path");
                continue;
            }
            if (!seenTracks.add(trackId)) {
                f.report(at + ".track", "track " + trackId + " already has a path above; give each track one path");
                continue;
            }
            String intro = f.optionalText(node, "intro", "");
            List<PathModule> modules = modules(node, at, f);
            if (modules.isEmpty()) {
                f.report(at + ".modules", "expected at least one module that loads");
                continue;
            }
            out.add(new TrackPath(trackId, intro, modules));
        }
        return out;
    }

    private List<PathModule> modules(JsonNode path, String at, JsonFields f) {
        List<PathModule> out = new ArrayList<>();
        Set<String> concepts = new HashSet<>();
        JsonNode modules = f.array(path, "modules", at);
        for (int m = 0; m < modules.size(); m++) {
            String where = at + ".modules[" + m + "]";
            JsonNode node = modules.get(m);
            if (!node.isObject()) {
                f.report(where, "expected an object with concept, flow, lab and topic");
                continue;
            }
            String concept = f.text(node, "concept", where);
            String topic = f.text(node, "topic", where);
            Optional<String> flow = optional(node, "flow", where, f);
            Optional<String> lab = optional(node, "lab", where, f);
            boolean ok = concept != null && topic != null && flow != null && lab != null;
            if (concept != null && content.concept(concept).isEmpty()) {
                f.report(where + ".concept", "expected a concept id from concepts/index.json, found '" + concept + "'");
                ok = false;
            } else if (concept != null && !concepts.add(concept)) {
                f.report(where + ".concept", "concept '" + concept + "' is already a module of this path");
                ok = false;
            }
            if (topic != null && content.topics().stream().noneMatch(t -> t.id().equals(topic))) {
                f.report(where + ".topic", "expected a topic id from tracks.json (" + ids(content.topics().stream()
                        .map(Topic::id)) + "), found '" + topic + "'");
                ok = false;
            }
            if (flow != null && flow.isPresent() && !flowIds.contains(flow.get())) {
                f.report(where + ".flow", "expected a flow id (" + ids(flowIds.stream().sorted()) + "), found '"
                        + flow.get() + "'");
                ok = false;
            }
            if (ok) {
                out.add(new PathModule(concept, flow, lab, topic));
            }
        }
        return out;
    }

    // null after reporting a wrong type; empty when the field is left out.
    private static Optional<String> optional(JsonNode node, String field, String where, JsonFields f) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            f.report(where + "." + field, "expected a non-empty string or no " + field + " at all");
            return null;
        }
        return Optional.of(value.asText());
    }

    private static String ids(java.util.stream.Stream<String> ids) {
        return ids.collect(Collectors.joining(", "));
    }
}
