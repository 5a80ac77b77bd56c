package dev.kmslab.engine.policy;

import java.util.List;

/** Turns a {@link Decision} into text a learner can follow, statement by statement. */
final class DecisionExplainer {

    private DecisionExplainer() {
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
