package dev.kmslab.engine;

import dev.kmslab.engine.error.ValidationException;
import java.util.regex.Pattern;

/**
 * Parameter checks that fail the way AWS does: a ValidationException whose message names the member, e.g.
 * "1 validation error detected: Value at 'plaintext' failed to satisfy constraint: Member must have length less
 * than or equal to 4096". Values of secret or long members are never echoed.
 */
public final class Validation {

    private Validation() {
    }

    public static ValidationException error(String valuePart, String member, String constraint) {
        return new ValidationException("1 validation error detected: Value" + valuePart + " at '" + member
                + "' failed to satisfy constraint: Member must " + constraint);
    }

    public static <T> T required(String member, T value) {
        if (value == null) {
            throw error(" null", member, "not be null");
        }
        return value;
    }

    /** Length of a byte array or string member (the value itself is not echoed). */
    public static void length(String member, int length, int min, int max) {
        if (length < min) {
            throw error("", member, "have length greater than or equal to " + min);
        }
        if (length > max) {
            throw error("", member, "have length less than or equal to " + max);
        }
    }

    public static void range(String member, int value, int min, int max) {
        if (value < min) {
            throw error(" '" + value + "'", member, "have value greater than or equal to " + min);
        }
        if (value > max) {
            throw error(" '" + value + "'", member, "have value less than or equal to " + max);
        }
    }

    /** Encryption context entries must be non-null strings (an empty map or null means no context). */
    public static void context(String member, java.util.Map<String, String> context) {
        if (context == null) {
            return;
        }
        for (java.util.Map.Entry<String, String> pair : context.entrySet()) {
            if (pair.getKey() == null || pair.getValue() == null) {
                throw error(" null", member, "not contain null keys or values");
            }
        }
    }

    public static void pattern(String member, String value, Pattern pattern) {
        if (!pattern.matcher(value).matches()) {
            throw error(" '" + value + "'", member, "satisfy regular expression pattern: " + pattern.pattern());
        }
    }
}
