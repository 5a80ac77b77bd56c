package dev.kmslab.engine.policy;

/**
 * Whether a caller may assume a role, and why. {@code session} is the session the call would create (null when
 * denied); {@code explanation} reads like AWS's AccessDenied message followed by the lab's reason.
 */
public record AssumeRoleDecision(boolean allowed, AssumedRoleSession session, String explanation) {
}
