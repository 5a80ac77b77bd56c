package dev.kmslab.engine;

/** The authorizer's verdict and why (shown in the audit log and, when denied, the AccessDeniedException). */
public record AuthorizationDecision(boolean allowed, String explanation) {

    public static AuthorizationDecision allow(String explanation) {
        return new AuthorizationDecision(true, explanation);
    }

    public static AuthorizationDecision deny(String explanation) {
        return new AuthorizationDecision(false, explanation);
    }
}
