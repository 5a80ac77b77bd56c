package dev.kmslab.engine.policy;

/**
 * The two kinds of policy KMS consults. A key policy is resource-based: it must name a Principal and its Resource is
 * {@code *} (the key itself). An IAM identity policy is attached to a user or role: it has no Principal and names
 * keys by ARN in Resource.
 */
public enum PolicyKind {
    KEY_POLICY("resource-based policy"), IDENTITY_POLICY("identity-based policy");

    private final String awsWording;

    PolicyKind(String awsWording) {
        this.awsWording = awsWording;
    }

    /** How AWS names this kind of policy in access-denied messages. */
    public String awsWording() {
        return awsWording;
    }
}
