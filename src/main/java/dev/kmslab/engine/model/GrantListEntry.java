package dev.kmslab.engine.model;

import java.time.Instant;
import java.util.List;

/**
 * One grant as ListGrants shows it (never with its token). keyId is the key ARN; issuingAccount is the root ARN of
 * the account in which the grant was created; operations are API names.
 */
public record GrantListEntry(String keyId, String grantId, String name, Instant creationDate,
                             String granteePrincipal, String retiringPrincipal, String issuingAccount,
                             List<String> operations, GrantConstraints constraints) {

    public GrantListEntry {
        operations = List.copyOf(operations);
    }
}
