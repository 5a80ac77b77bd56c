package dev.kmslab.engine.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one JSON shape of an audit event: the audit file writes it and the Key Lab shows and exports it, so a field
 * added here appears everywhere at once.
 */
public final class AuditEventJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditEventJson() {
    }

    public static ObjectNode toNode(AuditEvent e) {
        ObjectNode node = JSON.createObjectNode();
        node.put("eventId", e.eventId());
        node.put("eventTime", e.eventTime().toString());
        if (e.eventSource() != null) {
            node.put("eventSource", e.eventSource());
        }
        node.put("eventName", e.eventName());
        if (e.awsRegion() != null) {
            node.put("awsRegion", e.awsRegion());
        }
        node.put("principalArn", e.principalArn());
        if (e.accessKeyId() != null) {
            node.set("userIdentity", userIdentity(e.principalArn(), e.accessKeyId()));
        }
        node.put("keyArn", e.keyArn());
        node.set("requestParameters", JSON.valueToTree(e.requestParameters()));
        if (e.responseElements() != null) {
            node.set("responseElements", JSON.valueToTree(e.responseElements()));
        }
        node.put("errorCode", e.errorCode());
        node.put("errorMessage", e.errorMessage());
        node.put("requestId", e.requestId());
        node.put("authorizationExplanation", e.authorizationExplanation());
        return node;
    }

    /**
     * Reads back an event written by {@link #toNode}. The policy decisions are not in the file (only their one-line
     * summary in {@code authorizationExplanation}), so the event comes back without them.
     *
     * @throws IllegalArgumentException naming the field when a required field is missing or malformed
     */
    public static AuditEvent fromNode(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        String eventTime = required(node, "eventTime");
        Instant time;
        try {
            time = Instant.parse(eventTime);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("eventTime '" + eventTime + "' is not an ISO-8601 instant");
        }
        Map<String, Object> requestParameters = object(node, "requestParameters");
        Map<String, Object> responseElements = node.hasNonNull("responseElements")
                ? object(node, "responseElements") : null;
        return new AuditEvent(required(node, "eventId"), time, required(node, "eventName"), text(node, "principalArn"),
                text(node, "keyArn"), requestParameters, text(node, "errorCode"), text(node, "errorMessage"),
                text(node, "requestId"), text(node, "authorizationExplanation"), List.of(), text(node, "awsRegion"),
                text(node, "eventSource"), responseElements, text(node.path("userIdentity"), "accessKeyId"));
    }

    /**
     * CloudTrail's {@code userIdentity} for a request signed with an access key: the {@code type} where the ARN
     * says it ({@code Root}, {@code IAMUser}, {@code AssumedRole}), the {@code arn} and {@code accountId} of the
     * principal (left out when the request was refused before it was authenticated), and the {@code accessKeyId}
     * that signed it (left out for a call made in the app, which no access key signed: the file then has no
     * {@code userIdentity}, and the Key Lab's audit view shows the rest of it).
     */
    public static ObjectNode userIdentity(String principalArn, String accessKeyId) {
        ObjectNode identity = JSON.createObjectNode();
        if (principalArn != null) {
            String[] parts = principalArn.split(":", 6);
            String resource = parts.length == 6 ? parts[5] : "";
            String type = resource.equals("root") ? "Root" : resource.startsWith("user/") ? "IAMUser"
                    : resource.startsWith("assumed-role/") ? "AssumedRole" : null;
            if (type != null) {
                identity.put("type", type);
            }
            identity.put("arn", principalArn);
            if (parts.length == 6 && !parts[4].isEmpty()) {
                identity.put("accountId", parts[4]);
            }
        }
        if (accessKeyId != null) {
            identity.put("accessKeyId", accessKeyId);
        }
        return identity;
    }

    private static Map<String, Object> object(JsonNode node, String field) {
        JsonNode value = node.get(field);
        Map<String, Object> out = new LinkedHashMap<>();
        if (value != null && !value.isNull()) {
            if (!value.isObject()) {
                throw new IllegalArgumentException(field + " is not a JSON object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> read = JSON.convertValue(value, LinkedHashMap.class);
            out.putAll(read);
        }
        return out;
    }

    private static String required(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("missing field " + field);
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
