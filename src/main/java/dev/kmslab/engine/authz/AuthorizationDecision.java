package dev.kmslab.engine.authz;

import dev.kmslab.engine.policy.Decision;

/**
 * The authorizer's verdict and why. {@code explanation} is the AccessDeniedException message when denied and a short
 * reason when allowed; {@code policyDecision} is the full policy evaluation (statements, grants, conditions) when the
 * authorizer evaluated policies, else null. The engine's audit event carries its summary and explanation.
 */
public record AuthorizationDecision(boolean allowed, String explanation, Decision policyDecision) {

    public AuthorizationDecision(boolean allowed, String explanation) {
        this(allowed, explanation, null);
    }

    public static AuthorizationDecision allow(String explanation) {
        return new AuthorizationDecision(true, explanation);
    }

    public static AuthorizationDecision deny(String explanation) {
        return new AuthorizationDecision(false, explanation);
    }

    /** The decision of a policy evaluation: its AWS-worded denial message or its one-line summary. */
    public static AuthorizationDecision of(Decision decision) {
        return new AuthorizationDecision(decision.allowed(),
                decision.allowed() ? decision.summary() : decision.accessDeniedMessage(), decision);
    }
}
