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
        return Explainer.explain(this);
    }

    private static String article(PolicyKind kind) {
        return kind == PolicyKind.IDENTITY_POLICY ? "an" : "a";
    }

    /** Turns a {@link Decision} into text a learner can follow, statement by statement. */
    private static final class Explainer {

        private Explainer() {
        }

        static String explain(Decision d) {
            StringBuilder out = new StringBuilder();
            out.append(d.allowed() ? "ALLOWED" : "DENIED").append(" (").append(d.reason()).append(")\n");
            out.append("Request: ").append(d.principalArn()).append(" calls ").append(d.action())
                    .append(" on ").append(d.keyArn()).append('\n');
            for (StatementTrace t : d.statements()) {
                statement(out, t);
            }
            if (!d.grants().isEmpty()) {
                out.append("Grants:\n");
                for (GrantTrace g : d.grants()) {
                    grant(out, g);
                }
            }
            out.append("Result: ").append(summary(d)).append('\n');
            return out.toString();
        }

        private static void statement(StringBuilder out, StatementTrace t) {
            Statement st = t.statement();
            out.append("- ").append(t.reference()).append(", ").append(st.effect().json()).append(": ")
                    .append(t.applies() ? "APPLIES" : "does not apply").append('\n');
            if (st.principal() != null) {
                out.append("    principal: ").append(principal(t.principal())).append(" (")
                        .append(st.principal().describe()).append(")\n");
            }
            if (t.principal() == PrincipalMatch.NONE) {
                return;
            }
            out.append("    action: ").append(t.actionMatched() ? "matches" : "does not match").append(" (")
                    .append(st.action().describe()).append(")\n");
            if (st.principal() == null || !t.resourceMatched()) {
                out.append("    resource: ").append(t.resourceMatched() ? "matches" : "does not match").append(" (")
                        .append(st.resource().describe()).append(")\n");
            }
            if (t.conditionsEvaluated()) {
                for (ConditionResult c : t.conditions()) {
                    out.append("    condition: ").append(c.describe()).append('\n');
                }
            }
        }

        private static String principal(PrincipalMatch match) {
            return switch (match) {
                case DIRECT -> "names the caller";
                case ACCOUNT -> "names the caller's account, so the account's IAM policies must also allow the call";
                case NONE -> "does not name the caller";
            };
        }

        private static void grant(StringBuilder out, GrantTrace g) {
            out.append("- ").append(g.reference()).append(": ").append(g.applies() ? "APPLIES" : "does not apply")
                    .append(" (grantee ").append(g.granteeMatches() ? "is" : "is not").append(" the caller; operation ")
                    .append(g.operationAllowed() ? "allowed" : "not in the grant");
            if (g.operationAllowed()) {
                out.append("; constraints ").append(g.constraintsMet() ? "met" : "not met");
            }
            out.append("; ").append(g.tokenPresented() ? "grant token presented"
                    : g.effective() ? "propagated" : "not yet propagated and no grant token").append(")\n");
        }

        private static String summary(Decision d) {
            return switch (d.reason()) {
                case EXPLICIT_DENY -> "an explicit Deny in " + d.decidingStatement().reference()
                        + " overrides every Allow.";
                case ALLOWED_BY_KEY_POLICY -> d.decidingStatement().reference() + " allows the call.";
                case ALLOWED_BY_IAM_POLICY -> d.supportingStatement().reference() + " lets IAM policies decide, and "
                        + d.decidingStatement().reference() + " allows the call.";
                case ALLOWED_CROSS_ACCOUNT -> "the caller is in another account: " + d.decidingStatement().reference()
                        + " allows it, and the caller's own permissions allow the call"
                        + (d.supportingStatement() == null ? " (the account root holds them all)."
                        : " (" + d.supportingStatement().reference() + ").");
                case ALLOWED_BY_GRANT -> d.decidingGrant().reference() + " allows " + d.action() + ".";
                case IMPLICIT_DENY -> implicit(d);
            };
        }

        private static String implicit(Decision d) {
            List<StatementTrace> all = d.statements();
            boolean delegated = all.stream().anyMatch(t -> t.kind() == PolicyKind.KEY_POLICY && t.applies()
                    && t.principal() == PrincipalMatch.ACCOUNT);
            if (d.blockingKind() == PolicyKind.IDENTITY_POLICY) {
                return delegated
                        ? "the key policy lets IAM policies decide, but no IAM policy of the caller allows the call."
                        : "the key policy allows the call, but the caller is in another account and none of its IAM "
                        + "policies allows the call.";
            }
            return "no key policy statement allows the call and no grant applies, so it is implicitly denied.";
        }
    }
}
