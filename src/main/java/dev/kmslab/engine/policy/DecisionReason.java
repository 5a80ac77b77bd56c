package dev.kmslab.engine.policy;

/** Why a request was allowed or denied. */
public enum DecisionReason {
    /** A Deny statement in the key policy or an IAM policy applies; nothing can override it. */
    EXPLICIT_DENY(false),
    /** A key policy statement names the caller (same account, or a service or {@code *}). */
    ALLOWED_BY_KEY_POLICY(true),
    /** The key policy delegates to the caller's account and an IAM policy of the caller allows the call. */
    ALLOWED_BY_IAM_POLICY(true),
    /** Cross-account: the key policy allows the caller's account or the caller, and the caller's IAM allows it. */
    ALLOWED_CROSS_ACCOUNT(true),
    /** A grant on the key allows the operation. */
    ALLOWED_BY_GRANT(true),
    /** Nothing allows the call. */
    IMPLICIT_DENY(false);

    private final boolean allowed;

    DecisionReason(boolean allowed) {
        this.allowed = allowed;
    }

    public boolean allowed() {
        return allowed;
    }
}
