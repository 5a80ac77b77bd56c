package dev.kmslab.study.content;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Typed reads from a JSON tree that report, instead of throw, what is wrong and where (the JSON path), so one bad
 * entry costs only that entry and the learner is told exactly which file and field to fix.
 */
public final class JsonFields {

    private final String file;
    private final Consumer<ContentProblem> problems;

    public JsonFields(String file, Consumer<ContentProblem> problems) {
        this.file = file;
        this.problems = problems;
    }

    /** A required non-blank string, or null after reporting it. */
    public String text(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            report(path + "." + field, "expected a non-empty string" + found(value));
            return null;
        }
        return value.asText();
    }

    public String optionalText(JsonNode node, String field, String fallback) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : fallback;
    }

    public int integer(JsonNode node, String field, String path, int fallback) {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToInt() || !value.isIntegralNumber()) {
            report(path + "." + field, "expected a whole number" + found(value));
            return fallback;
        }
        return value.asInt();
    }

    public boolean bool(JsonNode node, String field, boolean fallback) {
        JsonNode value = node.get(field);
        return value != null && value.isBoolean() ? value.asBoolean() : fallback;
    }

    /** A list of strings; a missing field is an empty list. */
    public List<String> strings(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        List<String> out = new ArrayList<>();
        if (value == null || value.isNull()) {
            return out;
        }
        if (!value.isArray()) {
            report(path + "." + field, "expected an array of strings" + found(value));
            return out;
        }
        for (int i = 0; i < value.size(); i++) {
            if (value.get(i).isTextual()) {
                out.add(value.get(i).asText());
            } else {
                report(path + "." + field + "[" + i + "]", "expected a string" + found(value.get(i)));
            }
        }
        return out;
    }

    /** The array under {@code field}, or an empty array after reporting it. */
    public JsonNode array(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray()) {
            report(path.isEmpty() ? field : path + "." + field, "expected an array" + found(value));
            return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        }
        return value;
    }

    public void report(String path, String message) {
        problems.accept(new ContentProblem(file, path.startsWith(".") ? path.substring(1) : path, message));
    }

    private static String found(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return ", but it is missing";
        }
        return ", found " + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
