package dev.kmslab.engine.policy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * One condition key test of a statement, e.g. {@code "StringEquals": {"kms:ViaService": "s3.us-east-1.amazonaws.com"}}.
 * Several values for one key are ORed; the clauses of a statement are ANDed by the statement.
 *
 * @param operator  the operator as written, e.g. {@code ForAllValues:StringEquals}
 * @param lowerKey   the condition key in lower case: condition key names are case-insensitive
 * @param contextKey for {@code kms:EncryptionContext:<key>}, the context key in lower case; otherwise null
 */
public record ConditionClause(String operator, ConditionOperator base, SetQualifier qualifier, boolean ifExists,
                              String key, String lowerKey, String contextKey, List<String> values,
                              ValueMatcher matcher, SourcePosition position) {

    public ConditionClause {
        values = List.copyOf(values);
    }

    /**
     * Builds a clause from the operator text and values as written in the policy.
     *
     * @throws IllegalArgumentException with the reason for an unknown operator or a value the operator cannot use
     */
    public static ConditionClause of(String operator, String key, List<String> values, SourcePosition position) {
        String rest = operator;
        SetQualifier qualifier = SetQualifier.NONE;
        if (rest.startsWith(SetQualifier.FOR_ANY_VALUE.prefix())) {
            qualifier = SetQualifier.FOR_ANY_VALUE;
            rest = rest.substring(qualifier.prefix().length());
        } else if (rest.startsWith(SetQualifier.FOR_ALL_VALUES.prefix())) {
            qualifier = SetQualifier.FOR_ALL_VALUES;
            rest = rest.substring(qualifier.prefix().length());
        }
        boolean ifExists = rest.endsWith("IfExists");
        if (ifExists) {
            rest = rest.substring(0, rest.length() - "IfExists".length());
        }
        ConditionOperator base = ConditionOperator.byJsonName(rest);
        if (base == null) {
            throw new IllegalArgumentException("unknown condition operator \"" + operator + "\"");
        }
        if (base == ConditionOperator.NULL && (ifExists || qualifier != SetQualifier.NONE)) {
            throw new IllegalArgumentException("the Null operator takes no IfExists suffix or set prefix: \""
                    + operator + "\"");
        }
        if (values.isEmpty()) {
            throw new IllegalArgumentException("condition key \"" + key + "\" has no values");
        }
        ValueMatcher matcher = base.compile(values);
        String lower = key.toLowerCase(Locale.ROOT);
        String contextKey = lower.startsWith(ConditionKeys.LOWER_CONTEXT_PREFIX)
                ? lower.substring(ConditionKeys.LOWER_CONTEXT_PREFIX.length()) : null;
        return new ConditionClause(operator, base, qualifier, ifExists, key, lower, contextKey, values, matcher,
                position);
    }

    /**
     * Evaluates the clause against the request's values for its key ({@code null} or empty when absent), following
     * the IAM rules: a missing key fails a positive operator, passes a negated one, passes with IfExists; ForAnyValue
     * needs one request value to match and fails on an empty set; ForAllValues needs every value to match and passes
     * on an empty set.
     */
    public boolean evaluate(List<String> requestValues) {
        boolean absent = requestValues == null || requestValues.isEmpty();
        if (base == ConditionOperator.NULL) {
            for (String v : values) {
                boolean wantAbsent = "true".equalsIgnoreCase(v);
                if (wantAbsent == absent) {
                    return true;
                }
            }
            return false;
        }
        if (absent) {
            return switch (qualifier) {
                case NONE -> ifExists || base.negated();
                case FOR_ANY_VALUE -> ifExists;
                case FOR_ALL_VALUES -> true;
            };
        }
        boolean negated = base.negated();
        switch (qualifier) {
            case FOR_ANY_VALUE:
                for (int i = 0; i < requestValues.size(); i++) {
                    if (matcher.matchesAny(requestValues.get(i)) != negated) {
                        return true;
                    }
                }
                return false;
            case FOR_ALL_VALUES:
                for (int i = 0; i < requestValues.size(); i++) {
                    if (matcher.matchesAny(requestValues.get(i)) == negated) {
                        return false;
                    }
                }
                return true;
            default:
                boolean any = false;
                for (int i = 0; i < requestValues.size() && !any; i++) {
                    any = matcher.matchesAny(requestValues.get(i));
                }
                return any != negated;
        }
    }

    /**
     * Evaluates a clause on aws:CurrentTime against the request's instant. Date operators compare epoch
     * milliseconds directly, so no date text is formatted or parsed per request.
     */
    boolean evaluateTime(Instant now, List<String> asText) {
        if (matcher instanceof ValueMatchers.DateMatcher dates && qualifier == SetQualifier.NONE) {
            return dates.matchesMillis(now.truncatedTo(ChronoUnit.SECONDS).toEpochMilli()) != base.negated();
        }
        return evaluate(asText);
    }

    public String describe() {
        return operator + " " + key + " " + values;
    }
}
