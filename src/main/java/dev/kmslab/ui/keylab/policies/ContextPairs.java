package dev.kmslab.ui.keylab.policies;

import java.util.LinkedHashMap;
import java.util.Map;

/** Encryption context pairs typed on one line, {@code Department=Finance, Project=Alpha}. */
public final class ContextPairs {

    private ContextPairs() {
    }

    /**
     * Parses comma-separated {@code key=value} pairs; blank input is an empty context.
     *
     * @throws IllegalArgumentException naming the pair that has no "=" or an empty key, or a repeated key
     */
    public static Map<String, String> parse(String text) {
        Map<String, String> pairs = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return pairs;
        }
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq <= 0 || part.substring(0, eq).isBlank()) {
                throw new IllegalArgumentException("\"" + part.trim() + "\" is not a key=value pair");
            }
            String key = part.substring(0, eq).trim();
            if (pairs.put(key, part.substring(eq + 1).trim()) != null) {
                throw new IllegalArgumentException("the key \"" + key + "\" appears twice");
            }
        }
        return pairs;
    }
}
