package dev.kmslab.engine.policy;

import static dev.kmslab.engine.policy.Fixtures.A;
import static dev.kmslab.engine.policy.Fixtures.CONSOLE_POLICY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmslab.engine.error.MalformedPolicyDocumentException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyParserTest {

    private static final String TWO_STATEMENTS = """
            {
              "Version": "2012-10-17",
              "Statement": [
                {
                  "Effect": "Allow",
                  "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
                  "Action": "kms:*",
                  "Resource": "*"
                },
                {
                  "Effect": "Permit",
                  "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
                  "Action": "kms:*",
                  "Resource": "*"
                }
              ]
            }""";

    @Test
    void badEffect_reportsPathLineColumnAndReason() {
        PolicyValidationException e = fail(TWO_STATEMENTS);

        assertThat(e.path()).isEqualTo("Statement[1].Effect");
        assertThat(e.line()).isEqualTo(11);
        assertThat(e.column()).isEqualTo(17);
        assertThat(e.reason()).isEqualTo("Effect must be \"Allow\" or \"Deny\", not \"Permit\"");
        assertThat(e.getMessage()).isEqualTo(
                "Statement[1].Effect (line 11, column 17): Effect must be \"Allow\" or \"Deny\", not \"Permit\"");
        assertThat(e).isInstanceOf(MalformedPolicyDocumentException.class);
        assertThat(e.errorCode()).isEqualTo("MalformedPolicyDocumentException");
    }

    @Test
    void notJson_reportsJacksonLocation() {
        PolicyValidationException e = fail("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [ }\n}");

        assertThat(e.path()).isEmpty();
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(18);
        assertThat(e.reason()).startsWith("not valid JSON: Unexpected close marker '}'");
    }

    @Test
    void duplicateElement_isNotValidJson() {
        PolicyValidationException e = fail("{\"Version\": \"2012-10-17\", \"Version\": \"2012-10-17\"}");

        assertThat(e.reason()).startsWith("not valid JSON: Duplicate field 'Version'");
        assertThat(e.line()).isEqualTo(1);
    }

    @Test
    void emptyText_isRejected() {
        PolicyValidationException e = fail("   ");

        assertThat(e.reason()).isEqualTo("the policy is empty; it must be a JSON object");
    }

    @Test
    void missingEffect_pointsAtTheStatement() {
        String json = "{\"Statement\": [\n  {\"Principal\": \"*\", \"Action\": \"kms:*\", \"Resource\": \"*\"}\n]}";
        PolicyValidationException e = fail(json);

        assertThat(e.path()).isEqualTo("Statement[0]");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(3);
        assertThat(e.reason()).isEqualTo("the statement has no Effect");
    }

    @Test
    void missingPrincipalActionResource_eachNamed() {
        assertThat(fail(one("\"Effect\": \"Allow\", \"Action\": \"kms:*\", \"Resource\": \"*\"")).reason())
                .isEqualTo("the statement has no Principal");
        assertThat(fail(one("\"Effect\": \"Allow\", \"Principal\": \"*\", \"Resource\": \"*\"")).reason())
                .isEqualTo("the statement has no Action");
        assertThat(fail(one("\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"kms:*\"")).reason())
                .isEqualTo("the statement has no Resource");
    }

    @Test
    void singleStatementObject_usesPathWithoutIndex() {
        String json = one("\"Effect\": \"allow\", \"Principal\": \"*\", \"Action\": \"kms:*\", \"Resource\": \"*\"");
        PolicyValidationException e = fail(json);

        assertThat(e.path()).isEqualTo("Statement.Effect");
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.column()).isEqualTo(json.indexOf("\"allow\"") + 1);
    }

    @Test
    void unknownAction_pointsAtTheArrayElement() {
        String json = one("\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": [\"kms:Decrypt\", \"kms:Decrypted\"],"
                + " \"Resource\": \"*\"");
        PolicyValidationException e = fail(json);

        assertThat(e.path()).isEqualTo("Statement.Action[1]");
        assertThat(e.column()).isEqualTo(json.indexOf("\"kms:Decrypted\"") + 1);
        assertThat(e.reason()).isEqualTo("\"kms:Decrypted\" matches no KMS action");
    }

    @Test
    void wildcardMatchingNothing_isRejected() {
        assertThat(fail(one("\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"kms:Frobnicate*\","
                + " \"Resource\": \"*\"")).reason()).isEqualTo("\"kms:Frobnicate*\" matches no KMS action");
        assertThat(fail(one("\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"s3:GetObject\","
                + " \"Resource\": \"*\"")).path()).isEqualTo("Statement.Action");
    }

    @Test
    void actionWildcards_coverTheDocumentedActions() {
        PolicyDocument p = PolicyParser.parse(one("\"Effect\": \"Allow\", \"Principal\": \"*\","
                + " \"Action\": \"kms:*Grant*\", \"Resource\": \"*\""));

        assertThat(KmsActions.namesOf(p.statements().get(0).action().mask())).containsExactly(
                "kms:CreateGrant", "kms:ListGrants", "kms:ListRetirableGrants", "kms:RetireGrant", "kms:RevokeGrant");
        assertThat(KmsActions.namesOf(KmsActions.maskOf("kms:Get*"))).containsExactly("kms:GetKeyLastUsage",
                "kms:GetKeyPolicy", "kms:GetKeyRotationStatus", "kms:GetParametersForImport", "kms:GetPublicKey");
        assertThat(KmsActions.maskOf("KMS:decrypt")).isEqualTo(1L << KmsActions.indexOf("kms:Decrypt"));
        assertThat(KmsActions.namesOf(KmsActions.maskOf("kms:*"))).hasSize(KmsActions.ALL.size());
    }

    @Test
    void malformedPrincipalArn_givesTheReason() {
        String json = one("\"Effect\": \"Allow\", \"Principal\": {\"AWS\": [\"arn:aws:iam::111122223333:root\","
                + " \"arn:aws:iam::1111:root\"]}, \"Action\": \"kms:*\", \"Resource\": \"*\"");
        PolicyValidationException e = fail(json);

        assertThat(e.path()).isEqualTo("Statement.Principal.AWS[1]");
        assertThat(e.column()).isEqualTo(json.indexOf("\"arn:aws:iam::1111:root\"") + 1);
        assertThat(e.reason()).isEqualTo(
                "invalid principal: \"1111\" in \"arn:aws:iam::1111:root\" is not a 12-digit account id");
    }

    @Test
    void principalTypes_andServiceNames_areChecked() {
        assertThat(fail(one("\"Effect\": \"Allow\", \"Principal\": {\"Federated\": \"cognito-identity.amazonaws.com\"},"
                + " \"Action\": \"kms:*\", \"Resource\": \"*\"")).path()).isEqualTo("Statement.Principal.Federated");
        assertThat(fail(one("\"Effect\": \"Allow\", \"Principal\": {\"Service\": \"s3\"},"
                + " \"Action\": \"kms:*\", \"Resource\": \"*\"")).reason())
                .isEqualTo("\"s3\" is not a service principal such as s3.amazonaws.com");
        assertThat(fail(one("\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"arn:aws:iam::111122223333:group/devs\"},"
                + " \"Action\": \"kms:*\", \"Resource\": \"*\"")).reason()).contains("expected user or role");
    }

    @Test
    void keyPolicyResource_mustBeStar() {
        String json = one("\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"kms:*\","
                + " \"Resource\": \"" + Fixtures.KEY_ARN + "\"");
        PolicyValidationException e = fail(json);

        assertThat(e.path()).isEqualTo("Statement.Resource");
        assertThat(e.reason()).startsWith("in a key policy Resource must be \"*\"");
    }

    @Test
    void overSizeLimit_isRejectedBeforeParsing() {
        String big = one("\"Sid\": \"" + "x".repeat(PolicyParser.MAX_POLICY_BYTES) + "\", \"Effect\": \"Allow\"");
        PolicyValidationException e = fail(big);

        assertThat(e.path()).isEmpty();
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.reason()).isEqualTo("the policy is " + big.length() + " bytes; the limit is 32768 bytes (32 KB)");
    }

    @Test
    void exactlyAtSizeLimit_isAccepted() {
        String base = one("\"Sid\": \"\", \"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"kms:*\","
                + " \"Resource\": \"*\"");
        String padded = base.replace("\"Sid\": \"\"", "\"Sid\": \"" + "x".repeat(32768 - base.length()) + "\"");

        assertThat(padded.length()).isEqualTo(32768);
        assertThat(PolicyParser.parse(padded).statements()).hasSize(1);
    }

    @Test
    void unknownTopLevelElement_pointsAtItsName() {
        PolicyValidationException e = fail("{\n  \"Version\": \"2012-10-17\",\n  \"Statements\": []\n}");

        assertThat(e.path()).isEqualTo("Statements");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(3);
        assertThat(e.reason()).isEqualTo("unknown top-level element \"Statements\"; a policy has Version, Id and Statement");
    }

    @Test
    void unknownConditionOperator_pointsAtTheOperator() {
        String json = one("\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"kms:*\", \"Resource\": \"*\","
                + " \"Condition\": {\"StringEqualz\": {\"kms:ViaService\": \"s3.us-east-1.amazonaws.com\"}}");
        PolicyValidationException e = fail(json);

        assertThat(e.path()).isEqualTo("Statement.Condition.StringEqualz");
        assertThat(e.column()).isEqualTo(json.indexOf("\"StringEqualz\"") + 1);
        assertThat(e.reason()).isEqualTo("unknown condition operator \"StringEqualz\"");
    }

    @Test
    void badConditionValue_pointsAtTheKey() {
        PolicyValidationException e = fail(one("\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"kms:*\","
                + " \"Resource\": \"*\", \"Condition\": {\"NumericLessThan\": {\"kms:ScheduleKeyDeletionPendingWindowInDays\":"
                + " \"seven\"}}"));

        assertThat(e.path()).isEqualTo("Statement.Condition.NumericLessThan.kms:ScheduleKeyDeletionPendingWindowInDays");
        assertThat(e.reason()).isEqualTo("\"seven\" is not a number");
    }

    @Test
    void nullOperatorWithIfExists_isRejected() {
        assertThat(fail(one("\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"kms:*\", \"Resource\": \"*\","
                + " \"Condition\": {\"NullIfExists\": {\"kms:ViaService\": \"true\"}}")).reason())
                .isEqualTo("the Null operator takes no IfExists suffix or set prefix: \"NullIfExists\"");
    }

    @Test
    void identityPolicy_mayNotNamePrincipal_butMayNameKeyArns() {
        PolicyValidationException e = failIdentity("{\"Statement\": {\"Effect\": \"Allow\", \"Principal\": \"*\","
                + " \"Action\": \"kms:*\", \"Resource\": \"*\"}}");
        assertThat(e.path()).isEqualTo("Statement.Principal");

        PolicyDocument ok = PolicyParser.parseIdentityPolicy("{\"Statement\": {\"Effect\": \"Allow\","
                + " \"Action\": \"kms:Decrypt\", \"Resource\": \"arn:aws:kms:*:111122223333:key/*\"}}");
        assertThat(ok.statements().get(0).resource().matches(Fixtures.KEY_ARN)).isTrue();
        assertThat(ok.statements().get(0).resource().matches("arn:aws:kms:us-east-1:444455556666:key/x")).isFalse();
    }

    @Test
    void stringAndArrayForms_compileAlike() {
        PolicyDocument single = PolicyParser.parse(one("\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"" + A
                + "\"}, \"Action\": \"kms:Decrypt\", \"Resource\": \"*\""));
        PolicyDocument array = PolicyParser.parse("{\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": [\""
                + A + "\"]}, \"Action\": [\"kms:Decrypt\"], \"Resource\": [\"*\"]}]}");

        Statement s1 = single.statements().get(0);
        Statement s2 = array.statements().get(0);
        assertThat(s1.action().mask()).isEqualTo(s2.action().mask());
        assertThat(s1.principal().match(Fixtures.ALICE)).isEqualTo(PrincipalMatch.ACCOUNT);
        assertThat(s2.principal().match(Fixtures.ALICE)).isEqualTo(PrincipalMatch.ACCOUNT);
        assertThat(s1.principal().match(Fixtures.ROOT_A)).isEqualTo(PrincipalMatch.DIRECT);
    }

    @Test
    void defaultPolicy_isAwsTextExactly() {
        assertThat(DefaultKeyPolicy.forAccount(A)).isEqualTo("""
                {
                  "Version" : "2012-10-17",
                  "Id" : "key-default-1",
                  "Statement" : [ {
                    "Sid" : "Enable IAM User Permissions",
                    "Effect" : "Allow",
                    "Principal" : {
                      "AWS" : "arn:aws:iam::111122223333:root"
                    },
                    "Action" : "kms:*",
                    "Resource" : "*"
                  } ]
                }""");
        PolicyDocument doc = DefaultKeyPolicy.document(A);
        assertThat(doc.id()).isEqualTo("key-default-1");
        assertThat(doc.statements().get(0).position()).isEqualTo(new SourcePosition(4, 19));
    }

    @Test
    void writer_reproducesTheDefaultPolicyLayout() {
        assertThat(PolicyWriter.toPrettyJson(DefaultKeyPolicy.document(A))).isEqualTo(DefaultKeyPolicy.forAccount(A));
    }

    @Test
    void roundTrip_parseWriteParse_isStable() {
        String withConditions = Fixtures.policy(Fixtures.ROOT_STATEMENT, "{\"Sid\": \"ctx\", \"Effect\": \"Deny\","
                + " \"NotPrincipal\": {\"AWS\": [\"" + Fixtures.KEY_ADMIN.arn() + "\", \"" + A + "\"], \"Service\":"
                + " \"s3.amazonaws.com\"}, \"NotAction\": [\"kms:Get*\", \"kms:List*\"], \"Resource\": \"*\","
                + " \"Condition\": {\"StringNotEquals\": {\"kms:EncryptionContext:stage\": [\"prod\", \"qa\"]},"
                + " \"Bool\": {\"kms:GrantIsForAWSResource\": true}, \"NumericLessThan\": {\"kms:X\": 7}}}");
        for (String json : List.of(CONSOLE_POLICY, withConditions, DefaultKeyPolicy.forAccount(A))) {
            String once = PolicyWriter.toPrettyJson(PolicyParser.parse(json));
            String twice = PolicyWriter.toPrettyJson(PolicyParser.parse(once));
            assertThat(twice).isEqualTo(once);
        }
        String written = PolicyWriter.toPrettyJson(PolicyParser.parse(withConditions));
        assertThat(written).contains("\"kms:GrantIsForAWSResource\" : \"true\"", "\"kms:X\" : \"7\"",
                "\"NotPrincipal\"", "\"NotAction\" : [ \"kms:Get*\", \"kms:List*\" ]");
    }

    @Test
    void sourceText_isKeptVerbatim() {
        assertThat(PolicyParser.parse(CONSOLE_POLICY).source()).isEqualTo(CONSOLE_POLICY);
    }

    @Test
    void badVersion_isRejected() {
        PolicyValidationException e = fail("{\"Version\": \"2012-10-18\", \"Statement\": []}");

        assertThat(e.path()).isEqualTo("Version");
        assertThat(e.column()).isEqualTo(13);
    }

    @Test
    void notPrincipalWithAllow_isRejected() {
        PolicyValidationException e = fail(one("\"Effect\": \"Allow\", \"NotPrincipal\": {\"AWS\": \"" + A
                + "\"}, \"Action\": \"kms:*\", \"Resource\": \"*\""));

        assertThat(e.path()).isEqualTo("Statement.NotPrincipal");
        assertThat(e.reason()).isEqualTo("NotPrincipal may only be used with \"Effect\": \"Deny\"");
    }

    private static String one(String statementBody) {
        return "{\"Statement\": {" + statementBody + "}}";
    }

    private static PolicyValidationException fail(String json) {
        return (PolicyValidationException) org.assertj.core.api.Assertions.catchThrowableOfType(
                PolicyValidationException.class, () -> PolicyParser.parse(json));
    }

    private static PolicyValidationException failIdentity(String json) {
        assertThatThrownBy(() -> PolicyParser.parseIdentityPolicy(json)).isInstanceOf(PolicyValidationException.class);
        return org.assertj.core.api.Assertions.catchThrowableOfType(PolicyValidationException.class,
                () -> PolicyParser.parseIdentityPolicy(json));
    }
}
