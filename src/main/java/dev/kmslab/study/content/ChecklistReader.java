package dev.kmslab.study.content;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads one {@code checklists/<track>.json}; domain names must be that exam's own. */
final class ChecklistReader {

    Checklist read(JsonNode root, JsonFields f, List<Track> tracks) {
        String track = Optional.ofNullable(f.text(root, "track", "")).orElse("?");
        Optional<Track> known = tracks.stream().filter(t -> t.id().equals(track)).findFirst();
        List<Checklist.Group> groups = new ArrayList<>();
        JsonNode domains = f.array(root, "domains", "");
        for (int d = 0; d < domains.size(); d++) {
            String path = "domains[" + d + "]";
            String name = f.text(domains.get(d), "name", path);
            if (name != null && known.isPresent() && !known.get().hasDomain(name)) {
                f.report(path + ".name", "'" + name + "' is not a domain of " + known.get().exam());
            }
            List<Checklist.Item> items = new ArrayList<>();
            JsonNode array = f.array(domains.get(d), "items", path);
            for (int i = 0; i < array.size(); i++) {
                JsonNode item = array.get(i);
                String itemPath = path + ".items[" + i + "]";
                String id = f.text(item, "id", itemPath);
                String text = f.text(item, "text", itemPath);
                String explanation = f.text(item, "explanation", itemPath);
                if (id != null && text != null && explanation != null) {
                    items.add(new Checklist.Item(id, text, explanation, f.optionalText(item, "concept", null)));
                }
            }
            if (name != null) {
                groups.add(new Checklist.Group(name, items));
            }
        }
        return new Checklist(track, f.optionalText(root, "title", track + " checklist"),
                f.optionalText(root, "intro", ""), groups);
    }
}
