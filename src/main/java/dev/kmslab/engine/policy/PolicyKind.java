package dev.kmslab.engine.policy;

/**
 * The kinds of policy the lab consults. A key policy is resource-based: it must name a Principal and its Resource is
 * {@code *} (the key itself). An IAM identity policy is attached to a user or role: it has no Principal and names
 * keys (or, for sts:AssumeRole, roles) by ARN in Resource. A role trust policy (AssumeRolePolicyDocument) is
 * resource-based too: it names a Principal, allows sts actions and has no Resource (the role it belongs to).
 */
public enum PolicyKind {
    KEY_POLICY("resource-based policy"), IDENTITY_POLICY("identity-based policy"),
    TRUST_POLICY("resource-based policy");

    private final String awsWording;

    PolicyKind(String awsWording) {
        this.awsWording = awsWording;
    }

    /** How AWS names this kind of policy in access-denied messages. */
    public String awsWording() {
        return awsWording;
    }
}
