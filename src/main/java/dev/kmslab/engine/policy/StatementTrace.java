package dev.kmslab.engine.policy;

import java.util.List;

/**
 * How one statement fared in an evaluation. Conditions are evaluated only when principal, action and resource
 * matched; otherwise {@code conditions} is empty and {@code conditionsEvaluated} false.
 *
 * @param policyName the attached IAM policy's name, or {@code key policy}
 * @param principal  for an IAM policy statement always DIRECT: it applies to the policy's holder
 * @param applies    true when every part matched: the statement's Effect takes part in the decision
 */
public record StatementTrace(PolicyKind kind, String policyName, Statement statement, PrincipalMatch principal,
                             boolean actionMatched, boolean resourceMatched, boolean conditionsEvaluated,
                             List<ConditionResult> conditions, boolean applies) {

    public StatementTrace {
        conditions = List.copyOf(conditions);
    }

    /** e.g. {@code key policy statement "Allow use of the key" (line 12)}. */
    public String reference() {
        String where = statement.position().known() ? " (line " + statement.position().line() + ")" : "";
        String policy = kind == PolicyKind.KEY_POLICY ? "key policy" : "IAM policy \"" + policyName + "\"";
        return policy + " statement " + statement.label() + where;
    }
}
