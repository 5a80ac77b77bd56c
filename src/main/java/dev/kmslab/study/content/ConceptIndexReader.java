package dev.kmslab.study.content;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code concepts/index.json}, the list of concept pages in reading order. */
final class ConceptIndexReader {

    List<Concept> read(JsonNode root, JsonFields f) {
        List<Concept> out = new ArrayList<>();
        JsonNode array = f.array(root, "concepts", "");
        for (int i = 0; i < array.size(); i++) {
            JsonNode c = array.get(i);
            String path = "concepts[" + i + "]";
            String id = f.text(c, "id", path);
            String title = f.text(c, "title", path);
            String file = f.text(c, "file", path);
            String summary = f.optionalText(c, "summary", "");
            if (id != null && title != null && file != null) {
                out.add(new Concept(id, title, file, summary, f.strings(c, "topics", path),
                        f.strings(c, "flows", path)));
            }
        }
        return out;
    }
}
