package dev.kmslab.ui.keylab.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.kmslab.engine.audit.AuditEvent;
import dev.kmslab.engine.audit.AuditEventJson;
import java.io.UncheckedIOException;
import java.util.List;

/** Audit events as JSON: one object per line for export, indented for the details pane. Same fields as the file. */
public final class AuditJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private AuditJson() {
    }

    public static String pretty(AuditEvent e) {
        try {
            return PRETTY.writeValueAsString(AuditEventJson.toNode(e));
        } catch (JsonProcessingException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * The record as the details pane shows it under "CloudTrail-style record": without the engine's authorization
     * explanation, which no CloudTrail record carries and which the pane shows apart, labelled as the simulator's.
     */
    public static String prettyRecord(AuditEvent e) {
        try {
            com.fasterxml.jackson.databind.node.ObjectNode node = AuditEventJson.toNode(e);
            node.remove("authorizationExplanation");
            return PRETTY.writeValueAsString(node);
        } catch (JsonProcessingException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** JSON Lines: one compact object per event, each line ending in LF. */
    public static String lines(List<AuditEvent> events) {
        StringBuilder out = new StringBuilder();
        for (AuditEvent e : events) {
            try {
                out.append(JSON.writeValueAsString(AuditEventJson.toNode(e))).append('\n');
            } catch (JsonProcessingException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        return out.toString();
    }
}
