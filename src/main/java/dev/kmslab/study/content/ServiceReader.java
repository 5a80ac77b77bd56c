package dev.kmslab.study.content;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code services.json}, the services on the related-service map. */
final class ServiceReader {

    List<ServiceEntry> read(JsonNode root, JsonFields f) {
        List<ServiceEntry> out = new ArrayList<>();
        JsonNode array = f.array(root, "services", "");
        for (int i = 0; i < array.size(); i++) {
            JsonNode s = array.get(i);
            String path = "services[" + i + "]";
            String id = f.text(s, "id", path);
            String name = f.text(s, "name", path);
            String edge = f.text(s, "edgeLabel", path);
            String summary = f.text(s, "summary", path);
            String details = f.text(s, "details", path);
            Reference reference = null;
            JsonNode ref = s.get("reference");
            if (ref != null && ref.isObject()) {
                String title = f.text(ref, "title", path + ".reference");
                String url = f.text(ref, "url", path + ".reference");
                if (title != null && url != null) {
                    reference = new Reference(title, url);
                }
            }
            if (id != null && name != null && edge != null && summary != null && details != null) {
                out.add(new ServiceEntry(id, name, edge, summary, details, f.strings(s, "apiCalls", path),
                        f.strings(s, "tracks", path), f.strings(s, "concepts", path),
                        f.optionalText(s, "examTip", ""), reference));
            }
        }
        return out;
    }
}
