package dev.kmslab.engine.policy;

/** An IAM identity policy attached to a user or role under a name. */
public record AttachedPolicy(String name, PolicyDocument document) {

    public AttachedPolicy {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("an attached policy needs a name");
        }
        if (document == null || document.kind() != PolicyKind.IDENTITY_POLICY) {
            throw new IllegalArgumentException("an attached policy must be an IAM identity policy");
        }
    }
}
