package dev.kmslab.engine.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kmslab.engine.model.GrantConstraints;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Grants as JSON trees for the engine's keystore document. The grant token is stored because a presented token must
 * be recognised after a restart; the keystore document is the engine's protected store, never a log.
 */
public final class GrantJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private GrantJson() {
    }

    public static ObjectNode toJson(Grant grant) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("keyId", grant.keyId());
        node.put("grantId", grant.grantId());
        node.put("grantToken", grant.grantToken());
        node.put("granteePrincipal", grant.granteePrincipal());
        if (grant.retiringPrincipal() != null) {
            node.put("retiringPrincipal", grant.retiringPrincipal());
        }
        grant.operations().forEach(op -> node.withArray("operations").add(op.apiName()));
        ObjectNode constraints = node.putObject("constraints");
        putMap(constraints.putObject("encryptionContextSubset"), grant.constraints().encryptionContextSubset());
        putMap(constraints.putObject("encryptionContextEquals"), grant.constraints().encryptionContextEquals());
        if (grant.name() != null) {
            node.put("name", grant.name());
        }
        node.put("issuingAccount", grant.issuingAccount());
        node.put("creationDate", grant.creationDate().toString());
        return node;
    }

    /**
     * @throws IllegalArgumentException when the tree is not a stored grant (the engine treats it as corrupt)
     */
    public static Grant fromJson(JsonNode node) {
        Set<GrantOperation> operations = EnumSet.noneOf(GrantOperation.class);
        JsonNode ops = node.get("operations");
        if (ops == null || !ops.isArray()) {
            throw new IllegalArgumentException("stored grant: \"operations\" missing");
        }
        for (JsonNode op : ops) {
            GrantOperation parsed = GrantOperation.byApiName(op.asText());
            if (parsed == null) {
                throw new IllegalArgumentException("stored grant: unknown operation \"" + op.asText() + "\"");
            }
            operations.add(parsed);
        }
        JsonNode constraints = node.path("constraints");
        Instant created;
        try {
            created = Instant.parse(text(node, "creationDate", true));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("stored grant: bad creationDate", e);
        }
        return new Grant(text(node, "keyId", true), text(node, "grantId", true), text(node, "grantToken", true),
                text(node, "granteePrincipal", true), text(node, "retiringPrincipal", false), operations,
                new GrantConstraints(map(constraints.path("encryptionContextSubset")),
                        map(constraints.path("encryptionContextEquals"))),
                text(node, "name", false), text(node, "issuingAccount", true), created);
    }

    private static void putMap(ObjectNode target, Map<String, String> pairs) {
        pairs.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> target.put(e.getKey(), e.getValue()));
    }

    private static Map<String, String> map(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    private static String text(JsonNode node, String field, boolean required) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new IllegalArgumentException("stored grant: \"" + field + "\" missing");
            }
            return null;
        }
        return v.asText();
    }
}
