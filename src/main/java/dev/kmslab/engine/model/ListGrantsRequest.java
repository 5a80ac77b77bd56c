package dev.kmslab.engine.model;

/**
 * ListGrants. keyId: key id or key ARN; limit 1–100 (default 50); grantId and granteePrincipal optionally narrow the
 * list to one grant or one grantee.
 */
public record ListGrantsRequest(String keyId, Integer limit, String marker, String grantId,
                                String granteePrincipal) {

    public static ListGrantsRequest of(String keyId) {
        return new ListGrantsRequest(keyId, null, null, null, null);
    }
}
