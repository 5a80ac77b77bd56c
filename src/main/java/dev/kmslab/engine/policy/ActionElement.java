package dev.kmslab.engine.policy;

import java.util.List;

/**
 * A statement's Action or NotAction element: the patterns as written and the mask of KMS actions they cover.
 *
 * @param mask bit {@code i} set when the patterns match {@code KmsActions.ALL.get(i)}
 */
public record ActionElement(boolean negated, List<String> patterns, long mask, SourcePosition position) {

    public ActionElement {
        patterns = List.copyOf(patterns);
    }

    public static ActionElement of(boolean negated, List<String> patterns, SourcePosition position) {
        long mask = 0;
        for (String pattern : patterns) {
            mask |= KmsActions.maskOf(pattern);
        }
        return new ActionElement(negated, patterns, mask, position);
    }

    /** Whether the statement covers the action with this index ({@link KmsActions#indexOf}). */
    public boolean matches(int actionIndex) {
        boolean listed = actionIndex >= 0 && (mask & (1L << actionIndex)) != 0;
        return negated != listed;
    }

    public String describe() {
        return (negated ? "NotAction " : "Action ") + patterns;
    }
}
