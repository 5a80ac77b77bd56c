package dev.kmslab.engine.policy;

import dev.kmslab.engine.error.AccessDeniedException;
import java.util.List;

/**
 * The outcome of an authorisation check, with everything needed to explain it.
 *
 * @param decidingStatement   the statement that decided: the Deny, or the Allow (for ALLOWED_CROSS_ACCOUNT the key
 *                            policy's); null for grants and implicit deny
 * @param supportingStatement the statement the decision also needed: the key policy statement that delegates to
 *                            IAM (ALLOWED_BY_IAM_POLICY) or the caller's IAM Allow (ALLOWED_CROSS_ACCOUNT); else null
 * @param decidingGrant       the grant that allowed the call (ALLOWED_BY_GRANT), else null
 * @param blockingKind        for a denial, the kind of policy that denied or had no Allow; null when allowed
 * @param statements          every statement considered, key policy first, then the IAM policies in order
 * @param grants              every grant considered
 */
public record Decision(DecisionReason reason, String principalArn, String action, String keyArn,
                       StatementTrace decidingStatement, StatementTrace supportingStatement,
                       GrantTrace decidingGrant, PolicyKind blockingKind, List<StatementTrace> statements,
                       List<GrantTrace> grants) {

    public Decision {
        statements = List.copyOf(statements);
        grants = List.copyOf(grants);
    }

    public boolean allowed() {
        return reason.allowed();
    }

    /**
     * The message AWS gives in an AccessDeniedException, e.g. {@code User: arn:aws:iam::111122223333:user/bob is
     * not authorized to perform: kms:Decrypt on resource: arn:aws:kms:... because no resource-based policy allows the
     * kms:Decrypt action}. Empty for an allowed request.
     */
    public String accessDeniedMessage() {
        if (allowed()) {
            return "";
        }
        String prefix = "User: " + principalArn + " is not authorized to perform: " + action + " on resource: "
                + keyArn;
        if (reason == DecisionReason.EXPLICIT_DENY) {
            return prefix + " with an explicit deny in " + article(blockingKind) + " " + blockingKind.awsWording();
        }
        return prefix + " because no " + blockingKind.awsWording() + " allows the " + action + " action";
    }

    /** The exception to throw for a denied request. */
    public AccessDeniedException toException() {
        return new AccessDeniedException(accessDeniedMessage());
    }

    /** Throws {@link AccessDeniedException} unless the request is allowed. */
    public Decision requireAllowed() {
        if (!allowed()) {
            throw toException();
        }
        return this;
    }

    /**
     * One line for an audit event, e.g. {@code ALLOWED_BY_KEY_POLICY by key policy statement "Allow use of the key"
     * (line 12)}.
     */
    public String summary() {
        String by = decidingStatement != null ? " by " + decidingStatement.reference()
                : decidingGrant != null ? " by " + decidingGrant.reference() : "";
        return reason + by;
    }

    /** A step-by-step account of the decision for a learner. */
    public String explain() {
        return DecisionExplainer.explain(this);
    }

    private static String article(PolicyKind kind) {
        return kind == PolicyKind.IDENTITY_POLICY ? "an" : "a";
    }
}
