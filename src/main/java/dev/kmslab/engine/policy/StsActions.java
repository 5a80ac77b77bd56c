package dev.kmslab.engine.policy;

import java.util.Locale;

/**
 * The STS side of policies: sts:AssumeRole is the one STS action the lab evaluates (in role trust policies and in
 * the identity policies of whoever assumes a role). Other {@code sts:} actions (sts:TagSession, ...) are accepted in
 * policies, as AWS accepts them, and never match anything here. Action names are case-insensitive.
 */
public final class StsActions {

    public static final String ASSUME_ROLE = "sts:AssumeRole";

    private StsActions() {
    }

    /** True for {@code *} and for patterns in the sts service ({@code sts:AssumeRole}, {@code sts:*}, ...). */
    public static boolean isStsPattern(String pattern) {
        return "*".equals(pattern) || pattern.toLowerCase(Locale.ROOT).startsWith("sts:");
    }

    /** Whether a statement's Action (or NotAction) covers {@code action}. */
    public static boolean covers(ActionElement element, String action) {
        boolean listed = false;
        for (String pattern : element.patterns()) {
            if (Glob.of(pattern, true).matches(action)) {
                listed = true;
                break;
            }
        }
        return element.negated() != listed;
    }
}
