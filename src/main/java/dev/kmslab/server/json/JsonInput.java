package dev.kmslab.server.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kmslab.engine.Validation;
import dev.kmslab.engine.error.UnsupportedOperationException;
import dev.kmslab.engine.error.ValidationException;
import dev.kmslab.engine.model.Tag;
import dev.kmslab.server.error.WireError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Typed access to the members of a request object. A member of the wrong JSON type fails with a
 * SerializationException naming the member (as the AWS JSON protocol does for values it cannot deserialize); a
 * missing required member or an unknown enum value fails with a ValidationException in AWS's wording, which names
 * members in lower camel case ({@code 'keyId'}). Absent and JSON {@code null} members both read as null; members
 * this endpoint does not know are ignored, as AWS ignores them.
 */
public final class JsonInput {

    private final ObjectNode body;

    public JsonInput(ObjectNode body) {
        this.body = body;
    }

    public String string(String member) {
        JsonNode node = node(member);
        if (node == null) {
            return null;
        }
        if (!node.isTextual()) {
            throw wrongType(member, "a string", node);
        }
        return node.textValue();
    }

    public String requiredString(String member) {
        return Validation.required(validationName(member), string(member));
    }

    /** A blob: a base64 string on the wire. */
    public byte[] blob(String member) {
        String text = string(member);
        if (text == null) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw WireError.serialization("Value of member '" + member + "' is not valid base64.");
        }
    }

    public byte[] requiredBlob(String member) {
        return Validation.required(validationName(member), blob(member));
    }

    /** An integer member; fractions, strings and values beyond 32 bits are rejected. */
    public Integer integer(String member) {
        JsonNode node = node(member);
        if (node == null) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw wrongType(member, "a 32-bit integer", node);
        }
        return node.intValue();
    }

    /** A 64-bit integer member (a PKCS#11 slot id is an unsigned long); fractions and strings are rejected. */
    public Long longInteger(String member) {
        JsonNode node = node(member);
        if (node == null) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw wrongType(member, "a 64-bit integer", node);
        }
        return node.longValue();
    }

    /** A timestamp: epoch seconds as a JSON number (fractions are milliseconds), as the AWS JSON protocol sends it. */
    public Instant timestamp(String member) {
        JsonNode node = node(member);
        if (node == null) {
            return null;
        }
        if (!node.isNumber()) {
            throw wrongType(member, "a timestamp in epoch seconds", node);
        }
        try {
            return Instant.ofEpochMilli(node.decimalValue().movePointRight(3).longValueExact());
        } catch (ArithmeticException | java.time.DateTimeException e) {
            throw WireError.serialization("Value of member '" + member + "' is not a valid timestamp.");
        }
    }

    /** A nested structure, read with the same rules; null when absent. */
    public JsonInput structure(String member) {
        JsonNode node = node(member);
        if (node == null) {
            return null;
        }
        if (!node.isObject()) {
            throw wrongType(member, "an object", node);
        }
        return new JsonInput((ObjectNode) node);
    }

    public Boolean bool(String member) {
        JsonNode node = node(member);
        if (node == null) {
            return null;
        }
        if (!node.isBoolean()) {
            throw wrongType(member, "a boolean", node);
        }
        return node.booleanValue();
    }

    /** A map of string to string, such as EncryptionContext. */
    public Map<String, String> stringMap(String member) {
        JsonNode node = node(member);
        if (node == null) {
            return null;
        }
        if (!node.isObject()) {
            throw wrongType(member, "an object of strings", node);
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            if (!entry.getValue().isTextual()) {
                throw wrongType(member + "." + entry.getKey(), "a string", entry.getValue());
            }
            out.put(entry.getKey(), entry.getValue().textValue());
        }
        return out;
    }

    public List<String> stringList(String member) {
        JsonNode node = node(member);
        if (node == null) {
            return null;
        }
        if (!node.isArray()) {
            throw wrongType(member, "a list of strings", node);
        }
        List<String> out = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isTextual()) {
                throw wrongType(member + "[" + i + "]", "a string", node.get(i));
            }
            out.add(node.get(i).textValue());
        }
        return out;
    }

    public List<String> requiredStringList(String member) {
        return Validation.required(validationName(member), stringList(member));
    }

    /** A list of {@code {"TagKey": …, "TagValue": …}} objects. */
    public List<Tag> tags(String member) {
        JsonNode node = node(member);
        if (node == null) {
            return null;
        }
        if (!node.isArray()) {
            throw wrongType(member, "a list of tags", node);
        }
        List<Tag> out = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            JsonNode tag = node.get(i);
            if (!tag.isObject()) {
                throw wrongType(member + "[" + i + "]", "an object", tag);
            }
            JsonInput fields = new JsonInput((ObjectNode) tag);
            String where = validationName(member) + "." + (i + 1) + ".member.";
            out.add(new Tag(Validation.required(where + "tagKey", fields.string("TagKey")),
                    Validation.required(where + "tagValue", fields.string("TagValue"))));
        }
        return out;
    }

    public List<Tag> requiredTags(String member) {
        return Validation.required(validationName(member), tags(member));
    }

    /** An enum member whose constant names are the AWS wire values. */
    public <E extends Enum<E>> E enumValue(String member, Class<E> type) {
        String text = string(member);
        if (text == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text)) {
                return constant;
            }
        }
        throw new ValidationException("1 validation error detected: Value '" + text + "' at '"
                + validationName(member) + "' failed to satisfy constraint: Member must satisfy enum value set: "
                + Arrays.toString(type.getEnumConstants()));
    }

    /**
     * Rejects a member AWS defines but this endpoint cannot honour yet, rather than silently ignoring it (ignoring
     * DryRun, say, would perform the operation). Absent, null and false values pass.
     */
    public void unsupported(String member, String why) {
        JsonNode node = node(member);
        if (node == null || (node.isBoolean() && !node.booleanValue())) {
            return;
        }
        throw new UnsupportedOperationException("KMS Lab does not support the " + member + " parameter: " + why);
    }

    private JsonNode node(String member) {
        JsonNode node = body.get(member);
        return node == null || node.isNull() ? null : node;
    }

    private static WireError wrongType(String member, String expected, JsonNode found) {
        return WireError.serialization("Value of member '" + member + "' must be " + expected + ", not "
                + found.getNodeType().name().toLowerCase(Locale.ROOT) + ".");
    }

    /** AWS validation messages use the member name with a lower-case first letter. */
    static String validationName(String member) {
        return Character.toLowerCase(member.charAt(0)) + member.substring(1);
    }
}
