package dev.kmslab.study.quiz.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Typed reads of JSON members that report what was expected instead of throwing. */
public final class Fields {

    private final FileProblems problems;

    public Fields(FileProblems problems) {
        this.problems = problems;
    }

    public FileProblems problems() {
        return problems;
    }

    /** A required non-blank string, or null after reporting why not. */
    public String text(JsonNode parent, JsonPath path, String name) {
        JsonNode node = parent.get(name);
        JsonPath at = path.field(name);
        if (node == null || node.isNull()) {
            problems.add(at, "missing; expected a non-blank string");
            return null;
        }
        return textValue(node, at);
    }

    public String textValue(JsonNode node, JsonPath at) {
        if (!node.isTextual()) {
            problems.add(at, "expected a string, found " + kind(node));
            return null;
        }
        if (node.asText().isBlank()) {
            problems.add(at, "must not be blank");
            return null;
        }
        return node.asText();
    }

    /** A required non-empty array of distinct non-blank strings, or null after reporting why not. */
    public List<String> textList(JsonNode parent, JsonPath path, String name) {
        JsonNode node = parent.get(name);
        JsonPath at = path.field(name);
        if (node == null || !node.isArray()) {
            problems.add(at, node == null ? "missing; expected a non-empty array of strings"
                    : "expected an array of strings, found " + kind(node));
            return null;
        }
        if (node.isEmpty()) {
            problems.add(at, "must not be empty");
            return null;
        }
        List<String> values = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int before = problems.count();
        for (int i = 0; i < node.size(); i++) {
            String value = textValue(node.get(i), at.index(i));
            if (value != null && !seen.add(value)) {
                problems.add(at.index(i), "duplicate value \"" + value + "\"");
            }
            values.add(value);
        }
        return problems.count() == before ? values : null;
    }

    /** A required array of objects, or null after reporting why not. */
    public JsonNode objectArray(JsonNode parent, JsonPath path, String name, int minSize) {
        JsonNode node = parent.get(name);
        JsonPath at = path.field(name);
        if (node == null || !node.isArray()) {
            problems.add(at, node == null ? "missing; expected an array of objects"
                    : "expected an array of objects, found " + kind(node));
            return null;
        }
        if (node.size() < minSize) {
            problems.add(at, "expected at least " + minSize + " entries, found " + node.size());
            return null;
        }
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isObject()) {
                problems.add(at.index(i), "expected an object, found " + kind(node.get(i)));
                return null;
            }
        }
        return node;
    }

    public static String kind(JsonNode node) {
        if (node == null || node.isNull()) {
            return "null";
        }
        if (node.isTextual()) {
            return "a string";
        }
        if (node.isNumber()) {
            return "a number";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        return node.isArray() ? "an array" : "an object";
    }
}
