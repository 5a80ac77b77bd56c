package dev.kmslab.engine.model;

/** RevokeGrant. keyId: key id or key ARN. */
public record RevokeGrantRequest(String keyId, String grantId) {
}
