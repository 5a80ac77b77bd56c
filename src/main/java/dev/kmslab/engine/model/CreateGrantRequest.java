package dev.kmslab.engine.model;

import java.util.List;

/**
 * CreateGrant. keyId: key id or key ARN. granteePrincipal: ARN of a user, role, role session or account, or an AWS
 * service principal. retiringPrincipal: optional. operations: API names such as {@code Decrypt} or
 * {@code GenerateDataKey} (see {@link dev.kmslab.engine.policy.GrantOperation}). constraints: optional
 * encryption-context constraints. grantTokens: tokens of grants that let the caller create this grant, added to the
 * caller's. name: optional; a retry with the same name and parameters returns the same grant id.
 */
public record CreateGrantRequest(String keyId, String granteePrincipal, String retiringPrincipal,
                                 List<String> operations, GrantConstraints constraints, List<String> grantTokens,
                                 String name) {

    public static CreateGrantRequest of(String keyId, String granteePrincipal, List<String> operations) {
        return new CreateGrantRequest(keyId, granteePrincipal, null, operations, null, null, null);
    }

    @Override
    public String toString() {
        return "CreateGrantRequest[keyId=" + keyId + ", granteePrincipal=" + granteePrincipal + ", retiringPrincipal="
                + retiringPrincipal + ", operations=" + operations + ", constraints=" + constraints + ", grantTokens=<"
                + (grantTokens == null ? 0 : grantTokens.size()) + " hidden>, name=" + name + "]";
    }
}
