package dev.kmslab.ui.keylab.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kmslab.engine.audit.AuditEvent;
import java.io.UncheckedIOException;
import java.util.List;

/** Audit events as JSON: one object per line for export, indented for the details pane. Same fields as the file. */
public final class AuditJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private AuditJson() {
    }

    static ObjectNode toNode(AuditEvent e) {
        ObjectNode node = JSON.createObjectNode();
        node.put("eventId", e.eventId());
        node.put("eventTime", e.eventTime().toString());
        node.put("eventName", e.eventName());
        if (e.awsRegion() != null) {
            node.put("awsRegion", e.awsRegion());
        }
        node.put("principalArn", e.principalArn());
        node.put("keyArn", e.keyArn());
        node.set("requestParameters", JSON.valueToTree(e.requestParameters()));
        node.put("errorCode", e.errorCode());
        node.put("errorMessage", e.errorMessage());
        node.put("requestId", e.requestId());
        node.put("authorizationExplanation", e.authorizationExplanation());
        return node;
    }

    public static String pretty(AuditEvent e) {
        try {
            return PRETTY.writeValueAsString(toNode(e));
        } catch (JsonProcessingException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** JSON Lines: one compact object per event, each line ending in LF. */
    public static String lines(List<AuditEvent> events) {
        StringBuilder out = new StringBuilder();
        for (AuditEvent e : events) {
            try {
                out.append(JSON.writeValueAsString(toNode(e))).append('\n');
            } catch (JsonProcessingException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        return out.toString();
    }
}
