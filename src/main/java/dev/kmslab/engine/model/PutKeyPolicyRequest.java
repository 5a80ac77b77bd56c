package dev.kmslab.engine.model;

/**
 * PutKeyPolicy. keyId: key id or key ARN. policyName: only {@code default} exists (null means default). policy: the
 * key policy JSON text, stored verbatim. bypassPolicyLockoutSafetyCheck: skip the check that the caller could still
 * change the policy afterwards.
 */
public record PutKeyPolicyRequest(String keyId, String policyName, String policy,
                                  boolean bypassPolicyLockoutSafetyCheck) {

    public static PutKeyPolicyRequest of(String keyId, String policy) {
        return new PutKeyPolicyRequest(keyId, "default", policy, false);
    }
}
