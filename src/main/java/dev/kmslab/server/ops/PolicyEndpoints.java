package dev.kmslab.server.ops;

import dev.kmslab.engine.model.GetKeyPolicyRequest;
import dev.kmslab.engine.model.GetKeyPolicyResult;
import dev.kmslab.engine.model.ListKeyPoliciesRequest;
import dev.kmslab.engine.model.ListKeyPoliciesResult;
import dev.kmslab.engine.model.PutKeyPolicyRequest;
import dev.kmslab.server.json.JsonOutput;
import java.util.Map;

/** Key policies: PutKeyPolicy, GetKeyPolicy, ListKeyPolicies. A key has one policy, named {@code default}. */
final class PolicyEndpoints {

    private PolicyEndpoints() {
    }

    static void register(Map<String, Operation> table) {
        table.put("PutKeyPolicy", (engine, caller, in, out) -> engine.putKeyPolicy(caller, new PutKeyPolicyRequest(
                in.requiredString("KeyId"), policyName(in.string("PolicyName")), in.requiredString("Policy"),
                Boolean.TRUE.equals(in.bool("BypassPolicyLockoutSafetyCheck")))));
        table.put("GetKeyPolicy", (engine, caller, in, out) -> {
            GetKeyPolicyResult result = engine.getKeyPolicy(caller, new GetKeyPolicyRequest(
                    in.requiredString("KeyId"), policyName(in.string("PolicyName"))));
            JsonOutput.string(out, "Policy", result.policy());
            JsonOutput.string(out, "PolicyName", result.policyName());
        });
        table.put("ListKeyPolicies", (engine, caller, in, out) -> {
            ListKeyPoliciesResult page = engine.listKeyPolicies(caller, new ListKeyPoliciesRequest(
                    in.requiredString("KeyId"), in.integer("Limit"), in.string("Marker")));
            JsonOutput.stringList(out, "PolicyNames", page.policyNames());
            JsonOutput.page(out, page.nextMarker(), page.truncated());
        });
    }

    /** PolicyName is optional on the wire since 2023 and then means the only policy, {@code default}. */
    private static String policyName(String name) {
        return name == null ? "default" : name;
    }
}
