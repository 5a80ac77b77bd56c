package dev.kmslab.engine.policy;

import java.util.List;

/**
 * The IAM condition operators KMS Lab evaluates. A negated operator ({@code StringNotEquals}...) compiles the
 * matcher of its positive twin; the clause inverts it, following the IAM rule that a negated operator is true when
 * no request value matches any policy value.
 */
public enum ConditionOperator {
    STRING_EQUALS("StringEquals", false),
    STRING_NOT_EQUALS("StringNotEquals", true),
    STRING_EQUALS_IGNORE_CASE("StringEqualsIgnoreCase", false),
    STRING_NOT_EQUALS_IGNORE_CASE("StringNotEqualsIgnoreCase", true),
    STRING_LIKE("StringLike", false),
    STRING_NOT_LIKE("StringNotLike", true),
    NUMERIC_EQUALS("NumericEquals", false),
    NUMERIC_NOT_EQUALS("NumericNotEquals", true),
    NUMERIC_LESS_THAN("NumericLessThan", false),
    NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", false),
    NUMERIC_GREATER_THAN("NumericGreaterThan", false),
    NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", false),
    DATE_EQUALS("DateEquals", false),
    DATE_NOT_EQUALS("DateNotEquals", true),
    DATE_LESS_THAN("DateLessThan", false),
    DATE_LESS_THAN_EQUALS("DateLessThanEquals", false),
    DATE_GREATER_THAN("DateGreaterThan", false),
    DATE_GREATER_THAN_EQUALS("DateGreaterThanEquals", false),
    BOOL("Bool", false),
    ARN_EQUALS("ArnEquals", false),
    ARN_LIKE("ArnLike", false),
    ARN_NOT_EQUALS("ArnNotEquals", true),
    ARN_NOT_LIKE("ArnNotLike", true),
    NULL("Null", false);

    private final String jsonName;
    private final boolean negated;

    ConditionOperator(String jsonName, boolean negated) {
        this.jsonName = jsonName;
        this.negated = negated;
    }

    public String jsonName() {
        return jsonName;
    }

    public boolean negated() {
        return negated;
    }

    /** The operator with this exact JSON name, or null. */
    public static ConditionOperator byJsonName(String name) {
        for (ConditionOperator op : values()) {
            if (op.jsonName.equals(name)) {
                return op;
            }
        }
        return null;
    }

    /**
     * Compiles the policy's values into a matcher of request values.
     *
     * @throws IllegalArgumentException with the reason when a value does not suit the operator
     */
    public ValueMatcher compile(List<String> values) {
        return switch (this) {
            case STRING_EQUALS, STRING_NOT_EQUALS -> ValueMatchers.exact(values, false);
            case STRING_EQUALS_IGNORE_CASE, STRING_NOT_EQUALS_IGNORE_CASE -> ValueMatchers.exact(values, true);
            case STRING_LIKE, STRING_NOT_LIKE, ARN_EQUALS, ARN_LIKE, ARN_NOT_EQUALS, ARN_NOT_LIKE ->
                    ValueMatchers.like(values);
            case NUMERIC_EQUALS, NUMERIC_NOT_EQUALS -> ValueMatchers.numeric(values, 0, true);
            case NUMERIC_LESS_THAN -> ValueMatchers.numeric(values, -1, false);
            case NUMERIC_LESS_THAN_EQUALS -> ValueMatchers.numeric(values, -1, true);
            case NUMERIC_GREATER_THAN -> ValueMatchers.numeric(values, 1, false);
            case NUMERIC_GREATER_THAN_EQUALS -> ValueMatchers.numeric(values, 1, true);
            case DATE_EQUALS, DATE_NOT_EQUALS -> ValueMatchers.date(values, 0, true);
            case DATE_LESS_THAN -> ValueMatchers.date(values, -1, false);
            case DATE_LESS_THAN_EQUALS -> ValueMatchers.date(values, -1, true);
            case DATE_GREATER_THAN -> ValueMatchers.date(values, 1, false);
            case DATE_GREATER_THAN_EQUALS -> ValueMatchers.date(values, 1, true);
            case BOOL, NULL -> ValueMatchers.bool(values);
        };
    }
}
