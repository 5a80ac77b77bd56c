package dev.kmslab.ui.keylab.policies;

import dev.kmslab.engine.policy.PolicyValidationException;

/** Where and why a policy text is invalid, as the engine's parser reports it. */
public record PolicyProblem(int line, int column, String reason, String path) {

    public static PolicyProblem of(PolicyValidationException e) {
        return new PolicyProblem(e.line(), e.column(), e.reason(), e.path());
    }

    /** e.g. {@code line 7, column 15: Effect must be "Allow" or "Deny" (Statement[0].Effect)}. */
    public String message() {
        return "line " + line + ", column " + column + ": " + reason + (path.isEmpty() ? "" : " (" + path + ")");
    }
}
