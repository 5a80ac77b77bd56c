package dev.kmslab.engine.model;

/** ListKeyPolicies. keyId: key id or key ARN; limit 1–1000 (default 100). */
public record ListKeyPoliciesRequest(String keyId, Integer limit, String marker) {

    public static ListKeyPoliciesRequest of(String keyId) {
        return new ListKeyPoliciesRequest(keyId, null, null);
    }
}
