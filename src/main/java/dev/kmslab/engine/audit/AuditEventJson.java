package dev.kmslab.engine.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

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
}
