package dev.kmslab.engine.model;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A grant's encryption-context constraints. As the AWS API reference states for GrantConstraints, the key of each
 * pair is compared case-insensitively and the value case-sensitively (unlike Decrypt itself, which needs an exact
 * match). Empty maps mean no constraint of that kind.
 */
public record GrantConstraints(Map<String, String> encryptionContextSubset,
                               Map<String, String> encryptionContextEquals) {

    public static final GrantConstraints NONE = new GrantConstraints(Map.of(), Map.of());

    public GrantConstraints {
        encryptionContextSubset = encryptionContextSubset == null ? Map.of() : Map.copyOf(encryptionContextSubset);
        encryptionContextEquals = encryptionContextEquals == null ? Map.of() : Map.copyOf(encryptionContextEquals);
    }

    public static GrantConstraints subset(Map<String, String> pairs) {
        return new GrantConstraints(pairs, Map.of());
    }

    public static GrantConstraints equalTo(Map<String, String> pairs) {
        return new GrantConstraints(Map.of(), pairs);
    }

    public boolean isEmpty() {
        return encryptionContextSubset.isEmpty() && encryptionContextEquals.isEmpty();
    }

    /** Whether a request's encryption context satisfies both constraints. */
    public boolean allows(Map<String, String> requestContext) {
        if (isEmpty()) {
            return true;
        }
        Map<String, String> byLowerKey = lowerKeys(requestContext == null ? Map.of() : requestContext);
        if (!containsAll(byLowerKey, encryptionContextSubset)) {
            return false;
        }
        if (encryptionContextEquals.isEmpty()) {
            return true;
        }
        return byLowerKey.size() == lowerKeys(encryptionContextEquals).size()
                && containsAll(byLowerKey, encryptionContextEquals);
    }

    private static boolean containsAll(Map<String, String> byLowerKey, Map<String, String> wanted) {
        for (Map.Entry<String, String> pair : wanted.entrySet()) {
            String value = byLowerKey.get(pair.getKey().toLowerCase(Locale.ROOT));
            if (!pair.getValue().equals(value)) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, String> lowerKeys(Map<String, String> context) {
        Map<String, String> out = new HashMap<>();
        context.forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), v));
        return out;
    }
}
