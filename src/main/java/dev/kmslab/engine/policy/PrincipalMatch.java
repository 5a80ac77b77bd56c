package dev.kmslab.engine.policy;

/** How a statement's Principal element matched the caller. */
public enum PrincipalMatch {
    /** The statement does not apply to the caller. */
    NONE,
    /** The statement names the caller (its ARN, its role's ARN for a session, its service, or {@code *}). */
    DIRECT,
    /**
     * The statement names the caller's account (the account root ARN or the bare account id). For a key policy this
     * delegates the decision to the account's IAM policies: the caller also needs an IAM policy that allows the call.
     */
    ACCOUNT
}
