package dev.kmslab.study.content;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code tracks.json}: the exam tracks with their domains, and the shared topic vocabulary. */
final class TrackLoader {

    List<Track> tracks(JsonNode root, JsonFields f) {
        List<Track> out = new ArrayList<>();
        JsonNode array = f.array(root, "tracks", "");
        for (int i = 0; i < array.size(); i++) {
            JsonNode t = array.get(i);
            String path = "tracks[" + i + "]";
            String id = f.text(t, "id", path);
            String exam = f.text(t, "exam", path);
            String name = f.text(t, "name", path);
            List<Track.Domain> domains = new ArrayList<>();
            JsonNode ds = f.array(t, "domains", path);
            for (int d = 0; d < ds.size(); d++) {
                String dn = f.text(ds.get(d), "name", path + ".domains[" + d + "]");
                int weight = f.integer(ds.get(d), "weight", path + ".domains[" + d + "]", 0);
                if (dn != null) {
                    domains.add(new Track.Domain(dn, weight));
                }
            }
            if (id != null && exam != null && name != null) {
                out.add(new Track(id, exam, name, f.integer(t, "questions", path, 65),
                        f.integer(t, "scoredQuestions", path, 50), f.integer(t, "minutes", path, 130),
                        f.integer(t, "passMark", path, 720), f.bool(t, "retired", false),
                        f.optionalText(t, "retiredNote", f.optionalText(t, "note", "")), domains));
            }
        }
        return out;
    }

    List<Topic> topics(JsonNode root, JsonFields f) {
        List<Topic> out = new ArrayList<>();
        JsonNode array = f.array(root, "topics", "");
        for (int i = 0; i < array.size(); i++) {
            String id = f.text(array.get(i), "id", "topics[" + i + "]");
            String title = f.text(array.get(i), "title", "topics[" + i + "]");
            if (id != null && title != null) {
                out.add(new Topic(id, title));
            }
        }
        return out;
    }
}
