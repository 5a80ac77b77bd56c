package dev.kmslab.server.ops;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.kmslab.engine.model.CreateGrantRequest;
import dev.kmslab.engine.model.CreateGrantResult;
import dev.kmslab.engine.model.GrantListEntry;
import dev.kmslab.engine.model.ListGrantsRequest;
import dev.kmslab.engine.model.ListGrantsResult;
import dev.kmslab.engine.model.ListRetirableGrantsRequest;
import dev.kmslab.engine.model.RetireGrantRequest;
import dev.kmslab.engine.model.RevokeGrantRequest;
import dev.kmslab.engine.model.GrantConstraints;
import dev.kmslab.server.json.JsonInput;
import dev.kmslab.server.json.JsonOutput;
import java.io.IOException;
import java.util.Map;

/**
 * Grants: CreateGrant, ListGrants, ListRetirableGrants, RetireGrant, RevokeGrant. The grant token of CreateGrant is a
 * credential: it goes to the caller in the response and nowhere else. Service-principal grantees (a 2025 addition)
 * are refused, not ignored, since ignoring one would create a grant for nobody.
 */
final class GrantEndpoints {

    private GrantEndpoints() {
    }

    static void register(Map<String, Operation> table) {
        table.put("CreateGrant", (engine, caller, in, out) -> {
            in.unsupported("GranteeServicePrincipal", "service principals are not simulated; use GranteePrincipal.");
            in.unsupported("RetiringServicePrincipal", "service principals are not simulated; use "
                    + "RetiringPrincipal.");
            CreateGrantResult result = engine.createGrant(caller, new CreateGrantRequest(in.requiredString("KeyId"),
                    in.requiredString("GranteePrincipal"), in.string("RetiringPrincipal"),
                    in.requiredStringList("Operations"), constraints(in.structure("Constraints")),
                    in.stringList("GrantTokens"), in.string("Name")));
            JsonOutput.string(out, "GrantToken", result.grantToken());
            JsonOutput.string(out, "GrantId", result.grantId());
        });
        table.put("ListGrants", (engine, caller, in, out) -> grants(out, engine.listGrants(caller,
                new ListGrantsRequest(in.requiredString("KeyId"), in.integer("Limit"), in.string("Marker"),
                        in.string("GrantId"), in.string("GranteePrincipal")))));
        table.put("ListRetirableGrants", (engine, caller, in, out) -> grants(out, engine.listRetirableGrants(caller,
                new ListRetirableGrantsRequest(in.requiredString("RetiringPrincipal"), in.integer("Limit"),
                        in.string("Marker")))));
        table.put("RetireGrant", (engine, caller, in, out) -> {
            engine.retireGrant(caller, new RetireGrantRequest(in.string("GrantToken"), in.string("KeyId"),
                    in.string("GrantId")));
        });
        table.put("RevokeGrant", (engine, caller, in, out) -> {
            engine.revokeGrant(caller, new RevokeGrantRequest(in.requiredString("KeyId"),
                    in.requiredString("GrantId")));
        });
    }

    private static GrantConstraints constraints(JsonInput in) {
        if (in == null) {
            return null;
        }
        return new GrantConstraints(in.stringMap("EncryptionContextSubset"),
                in.stringMap("EncryptionContextEquals"));
    }

    private static void grants(JsonGenerator out, ListGrantsResult page) throws IOException {
        out.writeArrayFieldStart("Grants");
        for (GrantListEntry grant : page.grants()) {
            out.writeStartObject();
            JsonOutput.string(out, "KeyId", grant.keyId());
            JsonOutput.string(out, "GrantId", grant.grantId());
            JsonOutput.string(out, "Name", grant.name());
            JsonOutput.timestamp(out, "CreationDate", grant.creationDate());
            JsonOutput.string(out, "GranteePrincipal", grant.granteePrincipal());
            JsonOutput.string(out, "RetiringPrincipal", grant.retiringPrincipal());
            JsonOutput.string(out, "IssuingAccount", grant.issuingAccount());
            JsonOutput.stringList(out, "Operations", grant.operations());
            constraints(out, grant.constraints());
            out.writeEndObject();
        }
        out.writeEndArray();
        JsonOutput.page(out, page.nextMarker(), page.truncated());
    }

    private static void constraints(JsonGenerator out, GrantConstraints c) throws IOException {
        if (c == null || (c.encryptionContextSubset().isEmpty() && c.encryptionContextEquals().isEmpty())) {
            return;
        }
        out.writeObjectFieldStart("Constraints");
        stringMap(out, "EncryptionContextSubset", c.encryptionContextSubset());
        stringMap(out, "EncryptionContextEquals", c.encryptionContextEquals());
        out.writeEndObject();
    }

    private static void stringMap(JsonGenerator out, String member, Map<String, String> map) throws IOException {
        if (map.isEmpty()) {
            return;
        }
        out.writeObjectFieldStart(member);
        for (Map.Entry<String, String> entry : map.entrySet()) {
            out.writeStringField(entry.getKey(), entry.getValue());
        }
        out.writeEndObject();
    }
}
