package dev.kmslab.engine.policy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A JSON tree whose every node and member name remembers its line and column, read with Jackson's streaming parser.
 * Databind's tree drops token locations, and the policy editor needs them to point at the faulty element.
 */
final class LocatedJson {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private LocatedJson() {
    }

    sealed interface Node permits ObjectNode, ArrayNode, ScalarNode {
        SourcePosition position();
    }

    record Member(String name, SourcePosition namePosition, Node value) {
    }

    record ObjectNode(List<Member> members, SourcePosition position) implements Node {
        Member get(String name) {
            for (Member m : members) {
                if (m.name().equals(name)) {
                    return m;
                }
            }
            return null;
        }
    }

    record ArrayNode(List<Node> items, SourcePosition position) implements Node {
    }

    /** A string, number, boolean or null; {@code text} is the value as text, {@code token} its JSON type. */
    record ScalarNode(String text, JsonToken token, SourcePosition position) implements Node {
        boolean isString() {
            return token == JsonToken.VALUE_STRING;
        }
    }

    /** Reads one JSON value that must fill the whole text; syntax errors carry Jackson's location. */
    static Node read(String json) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new PolicyValidationException("", 1, 1, "the policy is empty; it must be a JSON object");
            }
            Node root = readValue(parser);
            if (parser.nextToken() != null) {
                throw new PolicyValidationException("", at(parser.currentTokenLocation()),
                        "unexpected content after the end of the policy object");
            }
            return root;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            int line = loc == null ? 1 : Math.max(1, loc.getLineNr());
            int column = loc == null ? 1 : Math.max(1, loc.getColumnNr());
            throw new PolicyValidationException("", line, column, "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new PolicyValidationException("", 1, 1, "the policy text could not be read");
        }
    }

    private static Node readValue(JsonParser parser) throws IOException {
        SourcePosition pos = at(parser.currentTokenLocation());
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            List<Member> members = new ArrayList<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                SourcePosition namePos = at(parser.currentTokenLocation());
                parser.nextToken();
                members.add(new Member(name, namePos, readValue(parser)));
            }
            return new ObjectNode(List.copyOf(members), pos);
        }
        if (token == JsonToken.START_ARRAY) {
            List<Node> items = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                items.add(readValue(parser));
            }
            return new ArrayNode(List.copyOf(items), pos);
        }
        String text = token == JsonToken.VALUE_NULL ? null : parser.getText();
        return new ScalarNode(text, token, pos);
    }

    private static SourcePosition at(JsonLocation location) {
        return new SourcePosition(location.getLineNr(), location.getColumnNr());
    }
}
