package dev.kmslab.engine.policy;

import dev.kmslab.engine.model.GrantConstraints;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * A grant on a KMS key: it lets the grantee call the listed operations on the key, within its constraints.
 *
 * @param granteePrincipal  the ARN (or service name) of the grantee
 * @param retiringPrincipal the ARN that may retire the grant, or null
 * @param name              the client's name for the grant (CreateGrant idempotency), or null
 * @param issuingAccount    the account in which the grant was created
 */
public record Grant(String keyId, String grantId, String grantToken, String granteePrincipal,
                    String retiringPrincipal, Set<GrantOperation> operations, GrantConstraints constraints,
                    String name, String issuingAccount, Instant creationDate) {

    public Grant {
        if (keyId == null || grantId == null || grantToken == null || granteePrincipal == null
                || issuingAccount == null || creationDate == null) {
            throw new IllegalArgumentException("a grant needs key, id, token, grantee, issuing account and date");
        }
        if (operations == null || operations.isEmpty()) {
            throw new IllegalArgumentException("a grant allows at least one operation");
        }
        // an EnumSet keeps the operations in a fixed order for listings and stored JSON
        operations = Collections.unmodifiableSet(EnumSet.copyOf(operations));
        constraints = constraints == null ? GrantConstraints.NONE : constraints;
    }

    public boolean allowsOperation(GrantOperation operation) {
        return operations.contains(operation);
    }

    /** The grant token is a bearer credential for the grant's first minutes, so it is left out. */
    @Override
    public String toString() {
        return "Grant[keyId=" + keyId + ", grantId=" + grantId + ", grantee=" + granteePrincipal
                + ", retiringPrincipal=" + retiringPrincipal + ", operations=" + operations
                + ", constraints=" + constraints + ", name=" + name + ", issuingAccount=" + issuingAccount
                + ", creationDate=" + creationDate + "]";
    }
}
