package dev.kmslab.study.quiz.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Finds the line and column of JSON paths. The tree model keeps no locations, so a file that has problems is streamed
 * a second time; valid files (the common case) never pay for it.
 */
final class LocationIndex {

    private static final JsonFactory FACTORY = new JsonFactory();

    private LocationIndex() {
    }

    /**
     * Locations of the wanted pointers; a pointer to a missing member resolves to its nearest existing ancestor, which
     * is where the author has to add it.
     */
    static Map<JsonPointer, JsonLocation> locate(byte[] json, Set<JsonPointer> wanted) {
        Map<JsonPointer, JsonLocation> all = new HashMap<>();
        try (JsonParser parser = FACTORY.createParser(json)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.FIELD_NAME || token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    continue;
                }
                // A context just opened has no segment of its own, so the pointer is that of the value itself.
                all.putIfAbsent(parser.getParsingContext().pathAsPointer(), parser.currentTokenLocation());
            }
        } catch (IOException e) {
            // Only called for files that already parsed once, so this cannot happen; return what was found.
        }
        Map<JsonPointer, JsonLocation> result = new HashMap<>();
        for (JsonPointer pointer : wanted) {
            JsonPointer p = pointer;
            while (p != null && !all.containsKey(p)) {
                p = p.head();
            }
            if (p != null) {
                result.put(pointer, all.get(p));
            }
        }
        return result;
    }
}
