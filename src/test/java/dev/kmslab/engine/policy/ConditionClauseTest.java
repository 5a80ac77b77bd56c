package dev.kmslab.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The IAM condition operator semantics, one operator family at a time. */
class ConditionClauseTest {

    private static boolean eval(String operator, List<String> policy, List<String> request) {
        return ConditionClause.of(operator, "k:key", policy, SourcePosition.UNKNOWN).evaluate(request);
    }

    @ParameterizedTest(name = "{0} {1} vs {2} -> {3}")
    @CsvSource(delimiter = '|', value = {
            "StringEquals|Finance|Finance|true",
            "StringEquals|Finance|finance|false",
            "StringNotEquals|Finance|HR|true",
            "StringNotEquals|Finance|Finance|false",
            "StringEqualsIgnoreCase|Finance|FINANCE|true",
            "StringNotEqualsIgnoreCase|Finance|FINANCE|false",
            "StringLike|arn:aws:s3:::bucket/*|arn:aws:s3:::bucket/a/b|true",
            "StringLike|s3.?s-east-1.amazonaws.com|s3.us-east-1.amazonaws.com|true",
            "StringLike|s3.?s-east-1.amazonaws.com|s3.eu-east-1.amazonaws.com|false",
            "StringNotLike|test-*|prod-1|true",
            "StringNotLike|test-*|test-1|false",
            "Bool|true|TRUE|true",
            "Bool|true|false|false",
            "NumericEquals|30|30.0|true",
            "NumericNotEquals|30|7|true",
            "NumericLessThan|30|7|true",
            "NumericLessThan|30|30|false",
            "NumericLessThanEquals|30|30|true",
            "NumericGreaterThan|7|30|true",
            "NumericGreaterThanEquals|7|6|false",
            "NumericEquals|7|seven|false",
            "DateLessThan|2027-01-01T00:00:00Z|2026-12-31T23:59:59Z|true",
            "DateLessThan|2027-01-01T00:00:00Z|1798761600|false",
            "DateGreaterThanEquals|1798761600|2027-01-01T00:00:00Z|true",
            "DateEquals|2027-01-01|2027-01-01T00:00:00Z|true",
            "DateNotEquals|2027-01-01|2027-01-02T00:00:00+01:00|true",
            "DateLessThanEquals|2027-01-01T00:00:00Z|2027-01-01T01:00:00+01:00|true",
            "ArnLike|arn:aws:iam::111122223333:role/App*|arn:aws:iam::111122223333:role/AppRole|true",
            "ArnEquals|arn:aws:iam::111122223333:role/AppRole|arn:aws:iam::111122223333:role/approle|false",
            "ArnNotLike|arn:aws:iam::111122223333:*|arn:aws:iam::444455556666:user/bob|true",
            "ArnNotEquals|arn:aws:iam::111122223333:root|arn:aws:iam::111122223333:root|false",
    })
    void singleValue(String operator, String policyValue, String requestValue, boolean expected) {
        assertThat(eval(operator, List.of(policyValue), List.of(requestValue))).isEqualTo(expected);
    }

    @Test
    void severalPolicyValues_areOred() {
        assertThat(eval("StringEquals", List.of("a", "b"), List.of("b"))).isTrue();
        assertThat(eval("StringNotEquals", List.of("a", "b"), List.of("b"))).isFalse();
        assertThat(eval("StringNotEquals", List.of("a", "b"), List.of("c"))).isTrue();
    }

    @Test
    void missingKey_failsPositive_passesNegated_passesIfExists() {
        assertThat(eval("StringEquals", List.of("a"), null)).isFalse();
        assertThat(eval("StringNotEquals", List.of("a"), null)).isTrue();
        assertThat(eval("StringEqualsIfExists", List.of("a"), null)).isTrue();
        assertThat(eval("StringEqualsIfExists", List.of("a"), List.of("b"))).isFalse();
        assertThat(eval("NumericLessThanIfExists", List.of("30"), List.of("7"))).isTrue();
    }

    @Test
    void nullOperator_testsPresence() {
        assertThat(eval("Null", List.of("true"), null)).isTrue();
        assertThat(eval("Null", List.of("true"), List.of("x"))).isFalse();
        assertThat(eval("Null", List.of("false"), List.of("x"))).isTrue();
        assertThat(eval("Null", List.of("false"), List.of())).isFalse();
    }

    @Test
    void forAllValues_everyRequestValueMustMatch_emptyPasses() {
        List<String> allowed = List.of("Department", "Project");
        assertThat(eval("ForAllValues:StringEquals", allowed, List.of("Department"))).isTrue();
        assertThat(eval("ForAllValues:StringEquals", allowed, List.of("Department", "Owner"))).isFalse();
        assertThat(eval("ForAllValues:StringEquals", allowed, null)).isTrue();
        assertThat(eval("ForAllValues:StringNotEquals", allowed, List.of("Owner", "Stage"))).isTrue();
        assertThat(eval("ForAllValues:StringNotEquals", allowed, List.of("Owner", "Project"))).isFalse();
    }

    @Test
    void forAnyValue_oneRequestValueMustMatch_emptyFails() {
        List<String> wanted = List.of("AppName");
        assertThat(eval("ForAnyValue:StringEquals", wanted, List.of("Stage", "AppName"))).isTrue();
        assertThat(eval("ForAnyValue:StringEquals", wanted, List.of("Stage"))).isFalse();
        assertThat(eval("ForAnyValue:StringEquals", wanted, null)).isFalse();
        assertThat(eval("ForAnyValue:StringEqualsIfExists", wanted, null)).isTrue();
        assertThat(eval("ForAnyValue:StringNotEquals", wanted, List.of("AppName", "Stage"))).isTrue();
        assertThat(eval("ForAnyValue:StringNotEquals", wanted, List.of("AppName"))).isFalse();
        assertThat(eval("ForAnyValue:StringLike", List.of("aws:*"), List.of("aws:s3:arn"))).isTrue();
    }

    @Test
    void operatorParsing_splitsPrefixBaseAndSuffix() {
        ConditionClause c = ConditionClause.of("ForAllValues:StringLikeIfExists", "kms:EncryptionContextKeys",
                List.of("a*"), SourcePosition.UNKNOWN);

        assertThat(c.qualifier()).isEqualTo(SetQualifier.FOR_ALL_VALUES);
        assertThat(c.base()).isEqualTo(ConditionOperator.STRING_LIKE);
        assertThat(c.ifExists()).isTrue();
        assertThat(c.lowerKey()).isEqualTo("kms:encryptioncontextkeys");
    }

    @Test
    void invalidOperatorsAndValues_areRejected() {
        assertThatThrownBy(() -> eval("stringequals", List.of("a"), null))
                .hasMessage("unknown condition operator \"stringequals\"");
        assertThatThrownBy(() -> eval("ForSomeValues:StringEquals", List.of("a"), null))
                .hasMessage("unknown condition operator \"ForSomeValues:StringEquals\"");
        assertThatThrownBy(() -> eval("Bool", List.of("yes"), null)).hasMessage("\"yes\" is not true or false");
        assertThatThrownBy(() -> eval("DateLessThan", List.of("tomorrow"), null))
                .hasMessage("\"tomorrow\" is not an ISO 8601 date or epoch seconds");
    }

    @Test
    void glob_matchesStarAndQuestionMark() {
        assertThat(Glob.of("kms:*Grant*", true).matches("kms:ListRetirableGrants")).isTrue();
        assertThat(Glob.of("a*b*c", false).matches("aXXbYYbc")).isTrue();
        assertThat(Glob.of("a*b*c", false).matches("aXXbYYb")).isFalse();
        assertThat(Glob.of("a?c", false).matches("abc")).isTrue();
        assertThat(Glob.of("a?c", false).matches("ac")).isFalse();
        assertThat(Glob.of("*", false).matches("")).isTrue();
        assertThat(Glob.of("AbC", true).matches("abc")).isTrue();
        assertThat(Glob.of("AbC", false).matches("abc")).isFalse();
    }
}
