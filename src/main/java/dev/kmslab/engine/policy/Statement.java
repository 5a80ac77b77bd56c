package dev.kmslab.engine.policy;

import java.util.List;

/**
 * One statement of a policy, compiled for evaluation.
 *
 * @param index     position in the policy's Statement list, from 0
 * @param sid       the Sid, or null
 * @param principal the Principal or NotPrincipal element; null in an IAM identity policy
 * @param position  where the statement's object starts in the policy text
 */
public record Statement(int index, String sid, Effect effect, PrincipalElement principal, ActionElement action,
                        ResourceElement resource, List<ConditionClause> conditions, SourcePosition position) {

    public Statement {
        if (effect == null || action == null || resource == null) {
            throw new IllegalArgumentException("a statement needs Effect, Action and Resource");
        }
        conditions = List.copyOf(conditions);
    }

    /** {@code "Enable IAM User Permissions"} or, without a Sid, {@code #2}: how traces name the statement. */
    public String label() {
        return sid != null && !sid.isEmpty() ? "\"" + sid + "\"" : "#" + index;
    }
}
