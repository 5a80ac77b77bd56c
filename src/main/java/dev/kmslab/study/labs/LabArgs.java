package dev.kmslab.study.labs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The arguments of an operation or a check, as authored. The loader has already checked every member's presence and
 * type against {@link LabSchema}, so the getters only convert. Kept as a private copy of the JSON, never exposed.
 */
public final class LabArgs {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ObjectNode node;

    LabArgs(ObjectNode node) {
        this.node = node.deepCopy();
    }

    /** Arguments built in code (tests, the UI's own operations). */
    public static LabArgs of(Map<String, ?> values) {
        return new LabArgs(MAPPER.valueToTree(values));
    }

    public boolean has(String name) {
        JsonNode v = node.get(name);
        return v != null && !v.isNull();
    }

    public Optional<String> text(String name) {
        return has(name) ? Optional.of(node.get(name).asText()) : Optional.empty();
    }

    public String requireText(String name) {
        return text(name).orElseThrow(() -> new IllegalArgumentException("missing argument " + name));
    }

    public Optional<Integer> integer(String name) {
        return has(name) ? Optional.of(node.get(name).asInt()) : Optional.empty();
    }

    public Optional<Boolean> bool(String name) {
        return has(name) ? Optional.of(node.get(name).asBoolean()) : Optional.empty();
    }

    /** A JSON object of strings, e.g. an encryption context or tags; empty when absent. */
    public Map<String, String> map(String name) {
        Map<String, String> out = new LinkedHashMap<>();
        if (has(name)) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.get(name).fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.put(e.getKey(), e.getValue().asText());
            }
        }
        return out;
    }

    public List<String> list(String name) {
        List<String> out = new ArrayList<>();
        if (has(name)) {
            node.get(name).forEach(v -> out.add(v.asText()));
        }
        return out;
    }

    /** A member that is a JSON object, as pretty-printed JSON text (policies). */
    public Optional<String> json(String name) {
        if (!has(name)) {
            return Optional.empty();
        }
        try {
            return Optional.of(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node.get(name)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a parsed JSON tree always serialises", e);
        }
    }

    /** A nested object's arguments (e.g. grant constraints). */
    public Optional<LabArgs> object(String name) {
        return has(name) && node.get(name).isObject() ? Optional.of(new LabArgs((ObjectNode) node.get(name)))
                : Optional.empty();
    }

    public Iterable<String> names() {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Short scalar arguments for people, e.g. {@code  key=orders as=role/App}; objects shown as {...}. */
    String summary() {
        StringBuilder sb = new StringBuilder();
        node.fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            String shown = v.isObject() ? "{…}" : v.isArray() ? v.toString() : v.asText();
            sb.append(' ').append(e.getKey()).append('=').append(shown);
        });
        return sb.toString();
    }

    @Override
    public String toString() {
        return node.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabArgs other && node.equals(other.node);
    }

    @Override
    public int hashCode() {
        return node.hashCode();
    }
}
