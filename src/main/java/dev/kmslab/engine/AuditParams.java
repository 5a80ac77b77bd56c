package dev.kmslab.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds an audit record's requestParameters: null members are left out, and callers pass only non-secret members
 * (never plaintext, data keys or ciphertext bytes).
 */
final class AuditParams {

    private AuditParams() {
    }

    static Map<String, Object> of(Object... namesAndValues) {
        Map<String, Object> map = new LinkedHashMap<>(namesAndValues.length);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            if (value != null) {
                map.put((String) namesAndValues[i], value instanceof Enum ? ((Enum<?>) value).name() : value);
            }
        }
        return Collections.unmodifiableMap(map);
    }
}
