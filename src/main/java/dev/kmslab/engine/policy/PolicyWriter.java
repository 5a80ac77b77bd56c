package dev.kmslab.engine.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Renders a policy document as JSON in the layout GetKeyPolicy shows ({@code "Key" : value}, two-space indent,
 * Jackson's default pretty printer). Lists of one value are written as a single string, as AWS writes them.
 */
public final class PolicyWriter {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PolicyWriter() {
    }

    public static String toPrettyJson(PolicyDocument policy) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(toTree(policy));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a policy tree always serialises", e);
        }
    }

    public static ObjectNode toTree(PolicyDocument policy) {
        ObjectNode root = MAPPER.createObjectNode();
        if (policy.version() != null) {
            root.put("Version", policy.version());
        }
        if (policy.id() != null) {
            root.put("Id", policy.id());
        }
        ArrayNode statements = root.putArray("Statement");
        for (Statement st : policy.statements()) {
            statements.add(statement(st));
        }
        return root;
    }

    private static ObjectNode statement(Statement st) {
        ObjectNode node = MAPPER.createObjectNode();
        if (st.sid() != null) {
            node.put("Sid", st.sid());
        }
        node.put("Effect", st.effect().json());
        PrincipalElement p = st.principal();
        if (p != null) {
            String name = p.negated() ? "NotPrincipal" : "Principal";
            if (p.wildcard() && p.aws().isEmpty() && p.services().isEmpty()) {
                node.put(name, "*");
            } else {
                ObjectNode principal = node.putObject(name);
                if (!p.aws().isEmpty()) {
                    principal.set("AWS", oneOrMany(p.aws()));
                }
                if (!p.services().isEmpty()) {
                    principal.set("Service", oneOrMany(p.services()));
                }
            }
        }
        node.set(st.action().negated() ? "NotAction" : "Action", oneOrMany(st.action().patterns()));
        node.set(st.resource().negated() ? "NotResource" : "Resource", oneOrMany(st.resource().patterns()));
        if (!st.conditions().isEmpty()) {
            ObjectNode condition = node.putObject("Condition");
            for (ConditionClause c : st.conditions()) {
                ObjectNode keys = condition.has(c.operator()) ? (ObjectNode) condition.get(c.operator())
                        : condition.putObject(c.operator());
                keys.set(c.key(), oneOrMany(c.values()));
            }
        }
        return node;
    }

    private static JsonNode oneOrMany(List<String> values) {
        if (values.size() == 1) {
            return MAPPER.getNodeFactory().textNode(values.get(0));
        }
        ArrayNode array = MAPPER.createArrayNode();
        values.forEach(array::add);
        return array;
    }
}
