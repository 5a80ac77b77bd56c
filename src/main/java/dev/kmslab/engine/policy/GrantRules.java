package dev.kmslab.engine.policy;

import dev.kmslab.engine.model.GrantConstraints;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

/**
 * The rules about grants that are not policy evaluation: who a grant names, when it takes effect, whether its
 * constraints hold, and who may retire it. RevokeGrant needs no rule here: like most operations it is authorised by
 * evaluating {@code kms:RevokeGrant} against the key policy and IAM policies.
 */
public final class GrantRules {

    private GrantRules() {
    }

    /** Whether the caller is the grantee; a grant to a role also serves that role's sessions. */
    public static boolean isGrantee(Grant grant, Principal caller) {
        return names(grant.granteePrincipal(), caller);
    }

    public static boolean isRetiringPrincipal(Grant grant, Principal caller) {
        return grant.retiringPrincipal() != null && names(grant.retiringPrincipal(), caller);
    }

    /**
     * Whether the grant is in force for a request: at once when the request presents its grant token, otherwise
     * only once the simulated propagation delay after its creation has passed (AWS grants become usable everywhere
     * only after eventual consistency; the token bridges that gap).
     */
    public static boolean isEffective(Grant grant, Instant now, Duration propagationDelay, Set<String> tokens) {
        if (tokens != null && tokens.contains(grant.grantToken())) {
            return true;
        }
        return !now.isBefore(grant.creationDate().plus(propagationDelay));
    }

    /**
     * Whether the grant's constraints allow the operation with this encryption context. Constraints apply only to
     * operations that take an encryption context; for the others they are ignored, as AWS documents.
     */
    public static boolean constraintsAllow(Grant grant, GrantOperation operation, Map<String, String> context) {
        return !operation.takesEncryptionContext() || grant.constraints().allows(context);
    }

    /**
     * Who may call RetireGrant, as the AWS developer guide lists: the retiring principal, the grantee when the grant
     * includes RetireGrant, or the account in which the grant was created (its root).
     */
    public static RetireCheck canRetire(Grant grant, Principal caller) {
        if (isRetiringPrincipal(grant, caller)) {
            return new RetireCheck(true, "the caller is the grant's retiring principal");
        }
        if (isGrantee(grant, caller) && grant.allowsOperation(GrantOperation.RETIRE_GRANT)) {
            return new RetireCheck(true, "the caller is the grantee and the grant allows RetireGrant");
        }
        if (caller instanceof AccountRoot root && root.accountId().equals(grant.issuingAccount())) {
            return new RetireCheck(true, "the caller is the account in which the grant was created");
        }
        return new RetireCheck(false, "only the retiring principal, the grantee of a grant that allows RetireGrant,"
                + " or the account that created the grant may retire it");
    }

    /**
     * Whether a grantee who holds CreateGrant only through {@code parent} may create a grant with these operations
     * and constraints: AWS lets such a grantee pass on the same or fewer operations, with constraints at least as
     * strict as its own.
     */
    public static boolean mayDelegate(Grant parent, Set<GrantOperation> operations, GrantConstraints constraints) {
        if (!parent.allowsOperation(GrantOperation.CREATE_GRANT) || !parent.operations().containsAll(operations)) {
            return false;
        }
        GrantConstraints own = parent.constraints();
        GrantConstraints wanted = constraints == null ? GrantConstraints.NONE : constraints;
        if (!own.encryptionContextEquals().isEmpty()) {
            return sameIgnoringKeyCase(own.encryptionContextEquals(), wanted.encryptionContextEquals());
        }
        if (own.encryptionContextSubset().isEmpty()) {
            return true;
        }
        // every pair the parent requires must still be required, by a subset or an equals constraint
        Map<String, String> required = wanted.encryptionContextEquals().isEmpty()
                ? wanted.encryptionContextSubset() : wanted.encryptionContextEquals();
        return GrantConstraints.subset(own.encryptionContextSubset()).allows(required);
    }

    private static boolean sameIgnoringKeyCase(Map<String, String> a, Map<String, String> b) {
        return GrantConstraints.equalTo(a).allows(b);
    }

    /** The outcome of {@link #canRetire}, with the rule that decided it. */
    public record RetireCheck(boolean allowed, String reason) {
    }

    /** A new grant id: 64 hex characters, the length AWS grant ids have. */
    public static String newGrantId(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** A new opaque grant token (URL-safe base64 of random bytes). */
    public static String newGrantToken(SecureRandom random) {
        byte[] bytes = new byte[96];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static boolean names(String arn, Principal caller) {
        if (caller instanceof ServicePrincipal service) {
            return arn.equals(service.service());
        }
        for (String name : caller.policyArns()) {
            if (name.equals(arn)) {
                return true;
            }
        }
        return false;
    }
}
