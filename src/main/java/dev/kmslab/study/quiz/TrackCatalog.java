package dev.kmslab.study.quiz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The track, domain and topic vocabularies from {@code content/tracks.json}, the single source for all of them. */
public final class TrackCatalog {

    public static final String RESOURCE = "content/tracks.json";

    private final Map<String, Track> tracks;
    private final Map<String, Topic> topics;

    public TrackCatalog(List<Track> tracks, List<Topic> topics) {
        this.tracks = new LinkedHashMap<>();
        tracks.forEach(t -> this.tracks.put(t.id(), t));
        this.topics = new LinkedHashMap<>();
        topics.forEach(t -> this.topics.put(t.id(), t));
    }

    /** Reads {@value #RESOURCE} from the classpath; a missing or malformed file is a packaging error. */
    public static TrackCatalog fromClasspath() {
        try (InputStream in = TrackCatalog.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            return parse(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** A retired track's note, or any track's "note" (e.g. an exam version whose guide could not be confirmed). */
    private static String note(JsonNode t) {
        if (t.hasNonNull("retiredNote")) {
            return t.get("retiredNote").asText();
        }
        return t.hasNonNull("note") ? t.get("note").asText() : null;
    }

    static TrackCatalog parse(JsonNode root) {
        List<Track> tracks = new ArrayList<>();
        for (JsonNode t : root.path("tracks")) {
            List<Domain> domains = new ArrayList<>();
            for (JsonNode d : t.path("domains")) {
                domains.add(new Domain(d.path("name").asText(), d.path("weight").asInt()));
            }
            List<String> types = new ArrayList<>();
            t.path("questionTypes").forEach(n -> types.add(n.asText()));
            tracks.add(new Track(t.path("id").asText(), t.path("exam").asText(), t.path("name").asText(),
                    t.path("questions").asInt(), t.path("scoredQuestions").asInt(), t.path("minutes").asInt(),
                    t.path("passMark").asInt(), t.path("retired").asBoolean(false),
                    note(t), domains, types));
        }
        List<Topic> topics = new ArrayList<>();
        for (JsonNode t : root.path("topics")) {
            topics.add(new Topic(t.path("id").asText(), t.path("title").asText()));
        }
        return new TrackCatalog(tracks, topics);
    }

    public List<Track> tracks() {
        return List.copyOf(tracks.values());
    }

    public Optional<Track> track(String id) {
        return Optional.ofNullable(tracks.get(id));
    }

    /** The track or an exception naming the unknown id; for callers that already validated the id. */
    public Track requireTrack(String id) {
        return track(id).orElseThrow(() -> new IllegalArgumentException("unknown track: " + id));
    }

    public List<Topic> topics() {
        return List.copyOf(topics.values());
    }

    public Optional<Topic> topic(String id) {
        return Optional.ofNullable(topics.get(id));
    }
}
