package dev.kmslab.engine.model;

/** GetKeyPolicy. keyId: key id or key ARN. policyName: only {@code default} exists (null means default). */
public record GetKeyPolicyRequest(String keyId, String policyName) {

    public static GetKeyPolicyRequest of(String keyId) {
        return new GetKeyPolicyRequest(keyId, "default");
    }
}
