package dev.kmslab.engine.policy;

import static dev.kmslab.engine.policy.DecisionReason.ALLOWED_BY_GRANT;
import static dev.kmslab.engine.policy.DecisionReason.ALLOWED_BY_IAM_POLICY;
import static dev.kmslab.engine.policy.DecisionReason.ALLOWED_BY_KEY_POLICY;
import static dev.kmslab.engine.policy.DecisionReason.ALLOWED_CROSS_ACCOUNT;
import static dev.kmslab.engine.policy.DecisionReason.EXPLICIT_DENY;
import static dev.kmslab.engine.policy.DecisionReason.IMPLICIT_DENY;
import static dev.kmslab.engine.policy.EvaluationCase.when;
import static dev.kmslab.engine.policy.Fixtures.*;
import static dev.kmslab.engine.policy.PolicyKind.IDENTITY_POLICY;
import static dev.kmslab.engine.policy.PolicyKind.KEY_POLICY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.engine.model.GrantConstraints;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The evaluation table: each row is a request against a policy set from the AWS KMS docs' examples. */
class PolicyEvaluationTableTest {

    private static final PolicyEvaluator EVALUATOR = new PolicyEvaluator();
    private static final String DEFAULT = DefaultKeyPolicy.forAccount(A);
    private static final String KEY_RESOURCE_WILDCARD = "arn:aws:kms:us-east-1:111122223333:key/*";
    private static final Instant LONG_AGO = NOW.minusSeconds(3600);

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decision_matchesAws(EvaluationCase c) {
        Decision d = EVALUATOR.evaluate(c.request());

        assertThat(d.reason()).as(d.explain()).isEqualTo(c.expected);
        assertThat(d.allowed()).isEqualTo(c.expected.allowed());
        if (c.blocking != null) {
            assertThat(d.blockingKind()).as(d.explain()).isEqualTo(c.blocking);
        }
        if (c.decidingSid != null) {
            assertThat(d.decidingStatement().statement().sid()).isEqualTo(c.decidingSid);
        }
    }

    static Stream<EvaluationCase> cases() {
        List<EvaluationCase> all = new ArrayList<>();
        all.addAll(defaultPolicy());
        all.addAll(consolePolicy());
        all.addAll(denyAndNotPrincipal());
        all.addAll(encryptionContext());
        all.addAll(viaServiceAndCallerAccount());
        all.addAll(crossAccount());
        all.addAll(grants());
        all.addAll(otherConditions());
        all.addAll(requestParameterKeys());
        return all.stream();
    }

    private static List<EvaluationCase> defaultPolicy() {
        return List.of(
                when("default policy: account root may do anything", DEFAULT, ROOT_A, "kms:ScheduleKeyDeletion")
                        .allowedBy(ALLOWED_BY_KEY_POLICY, DefaultKeyPolicy.SID),
                when("default policy: user without IAM policy is denied", DEFAULT, ALICE, "kms:Decrypt")
                        .denied(IMPLICIT_DENY, IDENTITY_POLICY),
                when("default policy: IAM policy allowing Decrypt on the key", DEFAULT, ALICE, "kms:Decrypt")
                        .iam(iam("DecryptKey", "Allow", "\"kms:Decrypt\"", KEY_ARN))
                        .allowed(ALLOWED_BY_IAM_POLICY),
                when("default policy: IAM allows Decrypt, user calls Encrypt", DEFAULT, ALICE, "kms:Encrypt")
                        .iam(iam("DecryptKey", "Allow", "\"kms:Decrypt\"", KEY_ARN))
                        .denied(IMPLICIT_DENY, IDENTITY_POLICY),
                when("default policy: IAM policy names another key", DEFAULT, ALICE, "kms:Decrypt")
                        .iam(iam("OtherKey", "Allow", "\"kms:Decrypt\"", OTHER_KEY_ARN))
                        .denied(IMPLICIT_DENY, IDENTITY_POLICY),
                when("default policy: IAM resource wildcard over the account's keys", DEFAULT, ALICE, "kms:Decrypt")
                        .iam(iam("AllKeys", "Allow", "\"kms:Decrypt\"", KEY_RESOURCE_WILDCARD))
                        .allowed(ALLOWED_BY_IAM_POLICY),
                when("default policy: IAM Deny beats IAM Allow", DEFAULT, ALICE, "kms:ScheduleKeyDeletion")
                        .iam(iam("All", "Allow", "\"kms:*\"", "*"),
                                iam("NoDelete", "Deny", "\"kms:ScheduleKeyDeletion\"", "*"))
                        .denied(EXPLICIT_DENY, IDENTITY_POLICY),
                when("default policy: IAM NotAction still allows Decrypt", DEFAULT, ALICE, "kms:Decrypt")
                        .iam(notAction())
                        .allowed(ALLOWED_BY_IAM_POLICY),
                when("default policy: IAM NotAction excludes ScheduleKeyDeletion", DEFAULT, ALICE,
                        "kms:ScheduleKeyDeletion")
                        .iam(notAction())
                        .denied(IMPLICIT_DENY, IDENTITY_POLICY),
                when("default policy: role session uses its role's IAM policy", DEFAULT, APP_ROLE.session("s1"),
                        "kms:GenerateDataKey")
                        .iam(iam("AppKeys", "Allow", "[\"kms:GenerateDataKey*\", \"kms:Decrypt\"]", KEY_ARN))
                        .allowed(ALLOWED_BY_IAM_POLICY),
                when("default policy: service principal is not named", DEFAULT, S3, "kms:Decrypt")
                        .denied(IMPLICIT_DENY, KEY_POLICY),
                when("default policy: anonymous caller", DEFAULT, AnonymousPrincipal.INSTANCE, "kms:DescribeKey")
                        .denied(IMPLICIT_DENY, KEY_POLICY),
                when("default policy: another account's user even with IAM allow", DEFAULT, BOB_B, "kms:Decrypt")
                        .iam(iam("Any", "Allow", "\"kms:*\"", "*"))
                        .denied(IMPLICIT_DENY, KEY_POLICY));
    }

    private static AttachedPolicy notAction() {
        return new AttachedPolicy("AllButDelete", PolicyParser.parseIdentityPolicy("{\"Statement\": {\"Effect\":"
                + " \"Allow\", \"NotAction\": \"kms:ScheduleKeyDeletion\", \"Resource\": \"*\"}}"));
    }

    private static List<EvaluationCase> consolePolicy() {
        Principal admin = KEY_ADMIN.session("admin");
        Principal user = KEY_USER.session("app");
        return List.of(
                when("console: key administrator may PutKeyPolicy", CONSOLE_POLICY, admin, "kms:PutKeyPolicy")
                        .allowedBy(ALLOWED_BY_KEY_POLICY, "Allow access for Key Administrators"),
                when("console: key administrator may ScheduleKeyDeletion", CONSOLE_POLICY, admin,
                        "kms:ScheduleKeyDeletion").allowed(ALLOWED_BY_KEY_POLICY),
                when("console: key administrator may GetKeyPolicy (Get*)", CONSOLE_POLICY, admin,
                        "kms:GetKeyPolicy").allowed(ALLOWED_BY_KEY_POLICY),
                when("console: key administrator may RevokeGrant (Revoke*)", CONSOLE_POLICY, admin,
                        "kms:RevokeGrant").allowed(ALLOWED_BY_KEY_POLICY),
                when("console: key administrator may not Decrypt", CONSOLE_POLICY, admin, "kms:Decrypt")
                        .denied(IMPLICIT_DENY, IDENTITY_POLICY),
                when("console: key user may Decrypt", CONSOLE_POLICY, user, "kms:Decrypt")
                        .allowedBy(ALLOWED_BY_KEY_POLICY, "Allow use of the key"),
                when("console: key user may GenerateDataKeyWithoutPlaintext", CONSOLE_POLICY, user,
                        "kms:GenerateDataKeyWithoutPlaintext").allowed(ALLOWED_BY_KEY_POLICY),
                when("console: key user may ReEncryptFrom (ReEncrypt*)", CONSOLE_POLICY, user, "kms:ReEncryptFrom")
                        .allowed(ALLOWED_BY_KEY_POLICY),
                when("console: the role itself is named, not only sessions", CONSOLE_POLICY, KEY_USER,
                        "kms:Encrypt").allowed(ALLOWED_BY_KEY_POLICY),
                when("console: key user may not ScheduleKeyDeletion", CONSOLE_POLICY, user,
                        "kms:ScheduleKeyDeletion").denied(IMPLICIT_DENY, IDENTITY_POLICY),
                when("console: key user CreateGrant for an AWS resource", CONSOLE_POLICY, user, "kms:CreateGrant")
                        .condition("kms:GrantIsForAWSResource", "true")
                        .allowedBy(ALLOWED_BY_KEY_POLICY, "Allow attachment of persistent resources"),
                when("console: key user CreateGrant not for an AWS resource", CONSOLE_POLICY, user,
                        "kms:CreateGrant").condition("kms:GrantIsForAWSResource", "false")
                        .denied(IMPLICIT_DENY, IDENTITY_POLICY),
                when("console: key user CreateGrant, condition key absent", CONSOLE_POLICY, user, "kms:CreateGrant")
                        .denied(IMPLICIT_DENY, IDENTITY_POLICY),
                when("no delegation: IAM kms:* does not help a user", NO_DELEGATION_POLICY, ALICE, "kms:Decrypt")
                        .iam(iam("All", "Allow", "\"kms:*\"", "*"))
                        .denied(IMPLICIT_DENY, KEY_POLICY),
                when("no delegation: the account root is not named either", NO_DELEGATION_POLICY, ROOT_A,
                        "kms:PutKeyPolicy").denied(IMPLICIT_DENY, KEY_POLICY),
                when("no delegation: key user still works", NO_DELEGATION_POLICY, user, "kms:Decrypt")
                        .allowed(ALLOWED_BY_KEY_POLICY),
                when("no delegation: administrator's IAM policy does not add Decrypt", NO_DELEGATION_POLICY, admin,
                        "kms:Decrypt").iam(iam("All", "Allow", "\"kms:*\"", "*"))
                        .denied(IMPLICIT_DENY, KEY_POLICY));
    }

    private static List<EvaluationCase> denyAndNotPrincipal() {
        String denyDelete = policy(ROOT_STATEMENT, statement("Deny", "\"*\"", "\"kms:ScheduleKeyDeletion\"", null));
        String denyAliceDecrypt = policy(ROOT_STATEMENT,
                statement("Deny", "{\"AWS\": \"" + ALICE.arn() + "\"}", "\"kms:Decrypt\"", null));
        String denyAccountDecrypt = policy(ROOT_STATEMENT, KEY_USER_STATEMENT,
                statement("Deny", "{\"AWS\": \"" + A + "\"}", "\"kms:Decrypt\"", null));
        String notPrincipal = policy(ROOT_STATEMENT, "{\"Effect\": \"Deny\", \"NotPrincipal\": {\"AWS\": [\""
                + KEY_ADMIN.arn() + "\", \"" + ROOT_A.arn() + "\"]}, \"Action\": \"kms:ScheduleKeyDeletion\","
                + " \"Resource\": \"*\"}");
        String notPrincipalRoleOnly = policy(ROOT_STATEMENT, "{\"Effect\": \"Deny\", \"NotPrincipal\": {\"AWS\": \""
                + KEY_ADMIN.arn() + "\"}, \"Action\": \"kms:ScheduleKeyDeletion\", \"Resource\": \"*\"}");
        String rootNotAction = policy("{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"" + ROOT_A.arn()
                + "\"}, \"NotAction\": [\"kms:ScheduleKeyDeletion\", \"kms:PutKeyPolicy\"], \"Resource\": \"*\"}");
        return List.of(
                when("deny: Deny to everyone beats the root Allow", denyDelete, ROOT_A, "kms:ScheduleKeyDeletion")
                        .denied(EXPLICIT_DENY, KEY_POLICY),
                when("deny: other actions stay allowed", denyDelete, ROOT_A, "kms:Decrypt")
                        .allowed(ALLOWED_BY_KEY_POLICY),
                when("deny: key policy Deny beats an IAM Allow", denyAliceDecrypt, ALICE, "kms:Decrypt")
                        .iam(iam("DecryptKey", "Allow", "\"kms:Decrypt\"", KEY_ARN))
                        .denied(EXPLICIT_DENY, KEY_POLICY),
                when("deny: Deny naming the account covers its roles", denyAccountDecrypt, KEY_USER.session("x"),
                        "kms:Decrypt").denied(EXPLICIT_DENY, KEY_POLICY),
                when("deny: key policy Deny beats a grant", denyAliceDecrypt, ALICE, "kms:Decrypt")
                        .grant(grant(ALICE.arn(), LONG_AGO, GrantConstraints.NONE, GrantOperation.DECRYPT))
                        .denied(EXPLICIT_DENY, KEY_POLICY),
                when("NotPrincipal: Deny hits everyone but the administrator", notPrincipal, ALICE,
                        "kms:ScheduleKeyDeletion").iam(iam("All", "Allow", "\"kms:*\"", "*"))
                        .denied(EXPLICIT_DENY, KEY_POLICY),
                when("NotPrincipal: the administrator's session is exempt", notPrincipal, KEY_ADMIN.session("a"),
                        "kms:ScheduleKeyDeletion").iam(iam("All", "Allow", "\"kms:*\"", "*"))
                        .allowed(ALLOWED_BY_IAM_POLICY),
                when("NotPrincipal: the listed account's root is exempt", notPrincipal, ROOT_A,
                        "kms:ScheduleKeyDeletion").allowed(ALLOWED_BY_KEY_POLICY),
                when("NotPrincipal: listing the role without its account still denies", notPrincipalRoleOnly,
                        KEY_ADMIN.session("a"), "kms:ScheduleKeyDeletion").iam(iam("All", "Allow", "\"kms:*\"", "*"))
                        .denied(EXPLICIT_DENY, KEY_POLICY),
                when("NotPrincipal: other actions are not denied", notPrincipal, ALICE, "kms:Decrypt")
                        .iam(iam("All", "Allow", "\"kms:*\"", "*"))
                        .allowed(ALLOWED_BY_IAM_POLICY),
                when("NotAction in a key policy: excluded action", rootNotAction, ROOT_A, "kms:PutKeyPolicy")
                        .denied(IMPLICIT_DENY, KEY_POLICY),
                when("NotAction in a key policy: other actions", rootNotAction, ROOT_A, "kms:Decrypt")
                        .allowed(ALLOWED_BY_KEY_POLICY));
    }

    static final String KEY_USER_STATEMENT = allow(KEY_USER.arn(), "[\"kms:Decrypt\", \"kms:Encrypt\"]", null);

    private static List<EvaluationCase> encryptionContext() {
        Principal user = KEY_USER.session("app");
        String equalsFinance = policy(ROOT_STATEMENT, allow(KEY_USER.arn(), "\"kms:Decrypt\"",
                "{\"StringEquals\": {\"kms:EncryptionContext:Department\": \"Finance\"}}"));
        String ignoreCase = policy(allow(KEY_USER.arn(), "\"kms:Decrypt\"",
                "{\"StringEqualsIgnoreCase\": {\"kms:EncryptionContext:Department\": \"Finance\"}}"));
        String allKeys = policy(allow(KEY_USER.arn(), "\"kms:Decrypt\"",
                "{\"ForAllValues:StringEquals\": {\"kms:EncryptionContextKeys\": [\"Department\", \"Project\"]}}"));
        String anyKey = policy(allow(KEY_USER.arn(), "\"kms:Encrypt\"",
                "{\"ForAnyValue:StringEquals\": {\"kms:EncryptionContextKeys\": \"AppName\"}}"));
        String requireContext = policy(allow(KEY_USER.arn(), "\"kms:Encrypt\"",
                "{\"Null\": {\"kms:EncryptionContextKeys\": \"false\"}}"));
        String s3Arn = policy(allow(KEY_USER.arn(), "\"kms:Decrypt\"",
                "{\"StringLike\": {\"kms:EncryptionContext:aws:s3:arn\": \"arn:aws:s3:::reports-bucket/*\"}}"));
        String denyNotProd = policy(ROOT_STATEMENT, KEY_USER_STATEMENT, statement("Deny", "\"*\"", "\"kms:Decrypt\"",
                "{\"StringNotEquals\": {\"kms:EncryptionContext:stage\": \"prod\"}}"));
        return List.of(
                when("context: StringEquals on the Department pair", equalsFinance, user, "kms:Decrypt")
                        .context("Department", "Finance").allowed(ALLOWED_BY_KEY_POLICY),
                when("context: different value", equalsFinance, user, "kms:Decrypt")
                        .context("Department", "HR").denied(IMPLICIT_DENY, IDENTITY_POLICY),
                when("context: the condition key name ignores case", equalsFinance, user, "kms:Decrypt")
                        .context("department", "Finance").allowed(ALLOWED_BY_KEY_POLICY),
                when("context: the value is case-sensitive", equalsFinance, user, "kms:Decrypt")
                        .context("Department", "finance").denied(IMPLICIT_DENY, IDENTITY_POLICY),
                when("context: no context at all", equalsFinance, user, "kms:Decrypt")
                        .denied(IMPLICIT_DENY, IDENTITY_POLICY),
                when("context: StringEqualsIgnoreCase accepts any case", ignoreCase, user, "kms:Decrypt")
                        .context("Department", "FINANCE").allowed(ALLOWED_BY_KEY_POLICY),
                when("context: ForAllValues with only allowed keys", allKeys, user, "kms:Decrypt")
                        .context("Department", "IT", "Project", "Alpha").allowed(ALLOWED_BY_KEY_POLICY),
                when("context: ForAllValues with an extra key", allKeys, user, "kms:Decrypt")
                        .context("Department", "IT", "Owner", "bob").denied(IMPLICIT_DENY, KEY_POLICY),
                when("context: ForAllValues passes when there is no context", allKeys, user, "kms:Decrypt")
                        .allowed(ALLOWED_BY_KEY_POLICY),
                when("context: ForAllValues keys are case-sensitive", allKeys, user, "kms:Decrypt")
                        .context("department", "IT").denied(IMPLICIT_DENY, KEY_POLICY),
                when("context: ForAnyValue finds the AppName key", anyKey, user, "kms:Encrypt")
                        .context("AppName", "ExampleApp", "Stage", "test").allowed(ALLOWED_BY_KEY_POLICY),
                when("context: ForAnyValue fails on no context", anyKey, user, "kms:Encrypt")
                        .denied(IMPLICIT_DENY, KEY_POLICY),
                when("context: Null false requires some context", requireContext, user, "kms:Encrypt")
                        .denied(IMPLICIT_DENY, KEY_POLICY),
                when("context: Null false satisfied", requireContext, user, "kms:Encrypt")
                        .context("purpose", "test").allowed(ALLOWED_BY_KEY_POLICY),
                when("context: StringLike on the S3 object ARN", s3Arn, user, "kms:Decrypt")
                        .context("aws:s3:arn", "arn:aws:s3:::reports-bucket/2026/q1.csv")
                        .allowed(ALLOWED_BY_KEY_POLICY),
                when("context: StringLike on another bucket", s3Arn, user, "kms:Decrypt")
                        .context("aws:s3:arn", "arn:aws:s3:::other-bucket/q1.csv").denied(IMPLICIT_DENY, KEY_POLICY),
                when("context: Deny unless stage is prod, stage dev", denyNotProd, user, "kms:Decrypt")
                        .context("stage", "dev").denied(EXPLICIT_DENY, KEY_POLICY),
                when("context: Deny unless stage is prod, stage prod", denyNotProd, user, "kms:Decrypt")
                        .context("stage", "prod").allowed(ALLOWED_BY_KEY_POLICY),
                when("context: negated operator is true when the key is absent", denyNotProd, user, "kms:Decrypt")
                        .denied(EXPLICIT_DENY, KEY_POLICY));
    }

    private static List<EvaluationCase> viaServiceAndCallerAccount() {
        Principal user = KEY_USER.session("app");
        String viaS3 = policy(allow(KEY_USER.arn(), "\"kms:Decrypt\"",
                "{\"StringEquals\": {\"kms:ViaService\": \"s3.us-east-1.amazonaws.com\"}}"));
        String viaAnyS3 = policy(allow(KEY_USER.arn(), "\"kms:Decrypt\"",
                "{\"StringLike\": {\"kms:ViaService\": \"s3.*.amazonaws.com\"}}"));
        String managedStyle = policy(statement("Allow", "{\"AWS\": \"*\"}", "[\"kms:Encrypt\", \"kms:Decrypt\"]",
                "{\"StringEquals\": {\"kms:CallerAccount\": \"111122223333\","
                        + " \"kms:ViaService\": \"s3.us-east-1.amazonaws.com\"}}"));
        return List.of(
                when("ViaService: through S3", viaS3, user, "kms:Decrypt")
                        .condition("kms:ViaService", "s3.us-east-1.amazonaws.com").allowed(ALLOWED_BY_KEY_POLICY),
                when("ViaService: called directly", viaS3, user, "kms:Decrypt").denied(IMPLICIT_DENY, KEY_POLICY),
                when("ViaService: through EC2", viaS3, user, "kms:Decrypt")
                        .condition("kms:ViaService", "ec2.us-east-1.amazonaws.com").denied(IMPLICIT_DENY, KEY_POLICY),
                when("ViaService: StringLike any S3 Region", viaAnyS3, user, "kms:Decrypt")
                        .condition("kms:ViaService", "s3.eu-west-1.amazonaws.com").allowed(ALLOWED_BY_KEY_POLICY),
                when("CallerAccount: AWS managed key style, own account via S3", managedStyle, ALICE, "kms:Encrypt")
                        .condition("kms:ViaService", "s3.us-east-1.amazonaws.com").allowed(ALLOWED_BY_KEY_POLICY),
                when("CallerAccount: own account, not via S3", managedStyle, ALICE, "kms:Encrypt")
                        .denied(IMPLICIT_DENY, KEY_POLICY),
                when("CallerAccount: other account via S3", managedStyle, BOB_B, "kms:Encrypt")
                        .iam(iam("All", "Allow", "\"kms:*\"", "*"))
                        .condition("kms:ViaService", "s3.us-east-1.amazonaws.com").denied(IMPLICIT_DENY, KEY_POLICY));
    }

    private static List<EvaluationCase> crossAccount() {
        String allowB = policy(ROOT_STATEMENT, allow(ROOT_B.arn(), "[\"kms:Decrypt\", \"kms:DescribeKey\"]", null));
        String allowPartnerRole = policy(ROOT_STATEMENT, allow(PARTNER_ROLE.arn(), "\"kms:Decrypt\"", null));
        AttachedPolicy bobDecrypt = iam("UseKeyInA", "Allow", "\"kms:Decrypt\"", KEY_ARN);
        return List.of(
                when("cross-account: key policy allows B and B's IAM allows", allowB, BOB_B, "kms:Decrypt")
                        .iam(bobDecrypt).allowed(ALLOWED_CROSS_ACCOUNT),
                when("cross-account: B's IAM policy missing", allowB, BOB_B, "kms:Decrypt")
                        .denied(IMPLICIT_DENY, IDENTITY_POLICY),
                when("cross-account: B's root holds its account's permissions", allowB, ROOT_B, "kms:DescribeKey")
                        .allowed(ALLOWED_CROSS_ACCOUNT),
                when("cross-account: IAM allows an action the key policy does not", allowB, BOB_B, "kms:Encrypt")
                        .iam(iam("Enc", "Allow", "\"kms:Encrypt\"", KEY_ARN)).denied(IMPLICIT_DENY, KEY_POLICY),
                when("cross-account: role named directly still needs IAM", allowPartnerRole,
                        PARTNER_ROLE.session("p"), "kms:Decrypt").denied(IMPLICIT_DENY, IDENTITY_POLICY),
                when("cross-account: role named directly with IAM", allowPartnerRole, PARTNER_ROLE.session("p"),
                        "kms:Decrypt").iam(bobDecrypt).allowed(ALLOWED_CROSS_ACCOUNT),
                when("cross-account: another principal of B is not the named role", allowPartnerRole, BOB_B,
                        "kms:Decrypt").iam(bobDecrypt).denied(IMPLICIT_DENY, KEY_POLICY));
    }

    private static List<EvaluationCase> grants() {
        String noAlice = NO_DELEGATION_POLICY;
        Map<String, String> finance = Map.of("Department", "Finance");
        Grant recent = grant(ALICE.arn(), NOW.minusSeconds(1), GrantConstraints.NONE, GrantOperation.DECRYPT);
        return List.of(
                when("grant: allows Decrypt", noAlice, ALICE, "kms:Decrypt")
                        .grant(grant(ALICE.arn(), LONG_AGO, GrantConstraints.NONE, GrantOperation.DECRYPT))
                        .allowed(ALLOWED_BY_GRANT),
                when("grant: operation not in the grant", noAlice, ALICE, "kms:Encrypt")
                        .grant(grant(ALICE.arn(), LONG_AGO, GrantConstraints.NONE, GrantOperation.DECRYPT))
                        .denied(IMPLICIT_DENY, KEY_POLICY),
                when("grant: subset constraint, key case ignored", noAlice, ALICE, "kms:Decrypt")
                        .grant(grant(ALICE.arn(), LONG_AGO, GrantConstraints.subset(finance), GrantOperation.DECRYPT))
                        .context("department", "Finance", "Project", "X").allowed(ALLOWED_BY_GRANT),
                when("grant: subset constraint, value case matters", noAlice, ALICE, "kms:Decrypt")
                        .grant(grant(ALICE.arn(), LONG_AGO, GrantConstraints.subset(finance), GrantOperation.DECRYPT))
                        .context("Department", "finance").denied(IMPLICIT_DENY, KEY_POLICY),
                when("grant: equals constraint with an extra pair", noAlice, ALICE, "kms:Decrypt")
                        .grant(grant(ALICE.arn(), LONG_AGO, GrantConstraints.equalTo(finance), GrantOperation.DECRYPT))
                        .context("Department", "Finance", "Project", "X").denied(IMPLICIT_DENY, KEY_POLICY),
                when("grant: equals constraint exactly met", noAlice, ALICE, "kms:Decrypt")
                        .grant(grant(ALICE.arn(), LONG_AGO, GrantConstraints.equalTo(finance), GrantOperation.DECRYPT))
                        .context("DEPARTMENT", "Finance").allowed(ALLOWED_BY_GRANT),
                when("grant: constraints ignored for DescribeKey", noAlice, ALICE, "kms:DescribeKey")
                        .grant(grant(ALICE.arn(), LONG_AGO, GrantConstraints.subset(finance),
                                GrantOperation.DESCRIBE_KEY)).allowed(ALLOWED_BY_GRANT),
                when("grant: new grant without token has not propagated", noAlice, ALICE, "kms:Decrypt")
                        .grant(recent).denied(IMPLICIT_DENY, KEY_POLICY),
                when("grant: new grant works at once with its token", noAlice, ALICE, "kms:Decrypt")
                        .grant(recent).tokens(recent.grantToken()).allowed(ALLOWED_BY_GRANT),
                when("grant: new grant works after the propagation delay", noAlice, ALICE, "kms:Decrypt")
                        .grant(recent).at(NOW.plusSeconds(4)).allowed(ALLOWED_BY_GRANT),
                when("grant: to a role serves its sessions", noAlice, APP_ROLE.session("worker"), "kms:Decrypt")
                        .grant(grant(APP_ROLE.arn(), LONG_AGO, GrantConstraints.NONE, GrantOperation.DECRYPT))
                        .allowed(ALLOWED_BY_GRANT),
                when("grant: someone else's grant", noAlice, ALICE, "kms:Decrypt")
                        .grant(grant(APP_ROLE.arn(), LONG_AGO, GrantConstraints.NONE, GrantOperation.DECRYPT))
                        .denied(IMPLICIT_DENY, KEY_POLICY),
                when("grant: a grantee in another account", noAlice, BOB_B, "kms:Encrypt")
                        .grant(grant(BOB_B.arn(), LONG_AGO, GrantConstraints.NONE, GrantOperation.ENCRYPT))
                        .allowed(ALLOWED_BY_GRANT),
                when("grant: ReEncryptTo names its own operation", noAlice, ALICE, "kms:ReEncryptTo")
                        .grant(grant(ALICE.arn(), LONG_AGO, GrantConstraints.NONE, GrantOperation.RE_ENCRYPT_FROM))
                        .denied(IMPLICIT_DENY, KEY_POLICY));
    }

    private static List<EvaluationCase> otherConditions() {
        String beforeDate = policy(allow(ALICE.arn(), "\"kms:Decrypt\"",
                "{\"DateLessThan\": {\"aws:CurrentTime\": \"2027-01-01T00:00:00Z\"}}"));
        String appRoles = policy(statement("Allow", "{\"AWS\": \"*\"}", "\"kms:Decrypt\"",
                "{\"ArnLike\": {\"aws:PrincipalArn\": \"arn:aws:iam::111122223333:role/App*\"},"
                        + " \"StringEquals\": {\"aws:PrincipalAccount\": \"111122223333\"}}"));
        String minWindow = policy(ROOT_STATEMENT, statement("Deny", "\"*\"", "\"kms:ScheduleKeyDeletion\"",
                "{\"NumericLessThan\": {\"kms:ScheduleKeyDeletionPendingWindowInDays\": \"30\"}}"));
        String service = policy(statement("Allow", "{\"Service\": \"cloudtrail.amazonaws.com\"}",
                "\"kms:GenerateDataKey*\"", null));
        return List.of(
                when("CurrentTime: before the end date", beforeDate, ALICE, "kms:Decrypt")
                        .allowed(ALLOWED_BY_KEY_POLICY),
                when("CurrentTime: after the end date", beforeDate, ALICE, "kms:Decrypt")
                        .at(Instant.parse("2027-06-01T00:00:00Z")).denied(IMPLICIT_DENY, KEY_POLICY),
                when("PrincipalArn: a session's value is its role ARN", appRoles, APP_ROLE.session("s"),
                        "kms:Decrypt").allowed(ALLOWED_BY_KEY_POLICY),
                when("PrincipalArn: a user does not match role/App*", appRoles, ALICE, "kms:Decrypt")
                        .denied(IMPLICIT_DENY, KEY_POLICY),
                when("Numeric: Deny a 7-day deletion window", minWindow, ROOT_A, "kms:ScheduleKeyDeletion")
                        .condition("kms:ScheduleKeyDeletionPendingWindowInDays", "7").denied(EXPLICIT_DENY, KEY_POLICY),
                when("Numeric: 30-day deletion window allowed", minWindow, ROOT_A, "kms:ScheduleKeyDeletion")
                        .condition("kms:ScheduleKeyDeletionPendingWindowInDays", "30").allowed(ALLOWED_BY_KEY_POLICY),
                when("Service principal named in the key policy", service, CLOUDTRAIL, "kms:GenerateDataKey")
                        .allowed(ALLOWED_BY_KEY_POLICY),
                when("Service principal not named", service, S3, "kms:GenerateDataKey")
                        .denied(IMPLICIT_DENY, KEY_POLICY));
    }

    private static List<EvaluationCase> requestParameterKeys() {
        Principal user = KEY_USER.session("app");
        String grantOps = policy(allow(KEY_USER.arn(), "\"kms:CreateGrant\"",
                "{\"ForAllValues:StringEquals\": {\"kms:GrantOperations\": [\"Decrypt\", \"Encrypt\"]}}"));
        String aliases = policy(allow(KEY_USER.arn(), "\"kms:Decrypt\"",
                "{\"ForAnyValue:StringLike\": {\"kms:ResourceAliases\": \"alias/finance-*\"}}"));
        String requestAlias = policy(allow(KEY_USER.arn(), "\"kms:Encrypt\"",
                "{\"StringEquals\": {\"kms:RequestAlias\": \"alias/app-key\"}}"));
        String rsaOnly = policy(allow(KEY_USER.arn(), "\"kms:Decrypt\"",
                "{\"StringEquals\": {\"kms:EncryptionAlgorithm\": \"RSAES_OAEP_SHA_256\","
                        + " \"kms:KeySpec\": \"RSA_4096\"}}"));
        String noMultiRegion = policy(ROOT_STATEMENT, statement("Deny", "\"*\"", "\"kms:CreateKey\"",
                "{\"Bool\": {\"kms:MultiRegion\": \"true\"}}"));
        return List.of(
                when("GrantOperations: only Decrypt and Encrypt may be granted", grantOps, user, "kms:CreateGrant")
                        .condition("kms:GrantOperations", "Decrypt").allowed(ALLOWED_BY_KEY_POLICY),
                when("GrantOperations: asking for ReEncryptFrom too", grantOps, user, "kms:CreateGrant")
                        .condition("kms:GrantOperations", "Decrypt", "ReEncryptFrom").denied(IMPLICIT_DENY, KEY_POLICY),
                when("ResourceAliases: key has a finance alias", aliases, user, "kms:Decrypt")
                        .condition("kms:ResourceAliases", "alias/other", "alias/finance-2026")
                        .allowed(ALLOWED_BY_KEY_POLICY),
                when("ResourceAliases: key has no alias", aliases, user, "kms:Decrypt")
                        .denied(IMPLICIT_DENY, KEY_POLICY),
                when("RequestAlias: key named by the alias", requestAlias, user, "kms:Encrypt")
                        .condition("kms:RequestAlias", "alias/app-key").allowed(ALLOWED_BY_KEY_POLICY),
                when("RequestAlias: key named by its id", requestAlias, user, "kms:Encrypt")
                        .denied(IMPLICIT_DENY, KEY_POLICY),
                when("EncryptionAlgorithm and KeySpec both required", rsaOnly, user, "kms:Decrypt")
                        .condition("kms:EncryptionAlgorithm", "RSAES_OAEP_SHA_256").condition("kms:KeySpec", "RSA_4096")
                        .allowed(ALLOWED_BY_KEY_POLICY),
                when("EncryptionAlgorithm matches but KeySpec does not", rsaOnly, user, "kms:Decrypt")
                        .condition("kms:EncryptionAlgorithm", "RSAES_OAEP_SHA_256").condition("kms:KeySpec", "RSA_2048")
                        .denied(IMPLICIT_DENY, KEY_POLICY),
                when("MultiRegion: Deny creating multi-Region keys", noMultiRegion, ROOT_A, "kms:CreateKey")
                        .condition("kms:MultiRegion", "true").denied(EXPLICIT_DENY, KEY_POLICY),
                when("MultiRegion: single-Region key allowed", noMultiRegion, ROOT_A, "kms:CreateKey")
                        .condition("kms:multiregion", "false").allowed(ALLOWED_BY_KEY_POLICY));
    }

    static Grant grant(String grantee, Instant created, GrantConstraints constraints, GrantOperation... ops) {
        String id = Integer.toHexString((grantee + created + ops.length).hashCode());
        return new Grant(KEY_ARN, "grant-" + id, "token-" + id, grantee, null, Set.of(ops), constraints, null, A,
                created);
    }
}
