package dev.kmslab.server.sts;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The form-encoded parameters of a Query request ({@code Action=AssumeRole&Version=2011-06-15&…}). */
final class QueryParameters {

    private final Map<String, String> values;

    private QueryParameters(Map<String, String> values) {
        this.values = values;
    }

    static QueryParameters parse(byte[] body) {
        Map<String, String> values = new LinkedHashMap<>();
        String text = new String(body, StandardCharsets.UTF_8);
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                values.putIfAbsent(name, value);
            } catch (IllegalArgumentException e) {
                throw new StsError(400, "MalformedQueryString", "The form-encoded body is malformed near '"
                        + (pair.length() > 40 ? pair.substring(0, 40) + "…" : pair) + "'.");
            }
        }
        return new QueryParameters(values);
    }

    String get(String name) {
        return values.get(name);
    }

    String required(String name) {
        String value = values.get(name);
        if (value == null || value.isEmpty()) {
            throw StsError.missingParameter(name);
        }
        return value;
    }

    /** Refuses members this lab does not model, named or as list prefixes ({@code Tags.member.1.Key}). */
    void refuse(Set<String> names, String why) {
        for (String name : values.keySet()) {
            String base = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
            if (names.contains(base)) {
                throw new StsError(400, "ValidationError", "KMS Lab does not support the " + base + " parameter: "
                        + why);
            }
        }
    }
}
