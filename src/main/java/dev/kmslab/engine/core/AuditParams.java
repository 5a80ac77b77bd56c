package dev.kmslab.engine.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds an audit record's requestParameters: null members are left out, and callers pass only non-secret members
 * (never plaintext, data keys or ciphertext bytes).
 */
public final class AuditParams {

    private AuditParams() {
    }

    public static Map<String, Object> of(Object... namesAndValues) {
        Map<String, Object> map = new LinkedHashMap<>(namesAndValues.length);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            if (value != null) {
                map.put((String) namesAndValues[i], plain(value));
            }
        }
        return Collections.unmodifiableMap(map);
    }

    /**
     * Enums by wire name and times as ISO-8601 text (as CloudTrail writes them): the audit file's JSON writer has no
     * java.time support, and an Instant (ImportKeyMaterial's ValidTo) made it fail.
     */
    private static Object plain(Object value) {
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        return value instanceof java.time.temporal.TemporalAccessor ? value.toString() : value;
    }
}
