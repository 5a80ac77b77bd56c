package dev.kmslab.engine.policy;

import static dev.kmslab.engine.policy.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmslab.engine.error.AccessDeniedException;
import dev.kmslab.engine.model.GrantConstraints;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Access-denied messages, the deciding statement with its source line, the trace and the explanation. */
class DecisionTest {

    private static final PolicyEvaluator EVALUATOR = new PolicyEvaluator();

    private static Decision decide(String policy, Principal who, String action) {
        return EVALUATOR.evaluate(EvaluationRequest.builder(who, action, KEY_ARN, A, PolicyParser.parse(policy))
                .now(NOW).build());
    }

    @Test
    void implicitDeny_byKeyPolicy_hasAwsMessage() {
        Decision d = decide(NO_DELEGATION_POLICY, ALICE, "kms:Decrypt");

        assertThat(d.accessDeniedMessage()).isEqualTo("User: arn:aws:iam::111122223333:user/alice is not authorized"
                + " to perform: kms:Decrypt on resource: " + KEY_ARN
                + " because no resource-based policy allows the kms:Decrypt action");
        assertThatThrownBy(d::requireAllowed).isExactlyInstanceOf(AccessDeniedException.class)
                .hasMessage(d.accessDeniedMessage());
    }

    @Test
    void implicitDeny_byMissingIamPolicy_namesIdentityBasedPolicy() {
        Decision d = decide(DefaultKeyPolicy.forAccount(A), KEY_USER.session("app"), "kms:decrypt");

        assertThat(d.accessDeniedMessage()).isEqualTo("User: arn:aws:sts::111122223333:assumed-role/KeyUser/app"
                + " is not authorized to perform: kms:Decrypt on resource: " + KEY_ARN
                + " because no identity-based policy allows the kms:Decrypt action");
    }

    @Test
    void explicitDeny_hasAwsMessage_andNamesTheStatementLine() {
        String policy = policy(ROOT_STATEMENT, "{\"Sid\": \"NoDelete\", \"Effect\": \"Deny\", \"Principal\": \"*\","
                + " \"Action\": \"kms:ScheduleKeyDeletion\", \"Resource\": \"*\"}");
        Decision d = decide(policy, ROOT_A, "kms:ScheduleKeyDeletion");

        assertThat(d.accessDeniedMessage()).isEqualTo("User: arn:aws:iam::111122223333:root is not authorized to"
                + " perform: kms:ScheduleKeyDeletion on resource: " + KEY_ARN
                + " with an explicit deny in a resource-based policy");
        assertThat(d.decidingStatement().statement().sid()).isEqualTo("NoDelete");
        assertThat(d.decidingStatement().statement().index()).isEqualTo(1);
        assertThat(d.decidingStatement().statement().position().line()).isEqualTo(11);
        assertThat(d.decidingStatement().reference()).isEqualTo("key policy statement \"NoDelete\" (line 11)");
        assertThat(d.summary()).isEqualTo("EXPLICIT_DENY by key policy statement \"NoDelete\" (line 11)");
    }

    @Test
    void explicitDeny_inIamPolicy_saysIdentityBased() {
        Decision d = EVALUATOR.evaluate(EvaluationRequest.builder(ALICE, "kms:Decrypt", KEY_ARN, A,
                        DefaultKeyPolicy.document(A))
                .identityPolicies(List.of(iam("NoDecrypt", "Deny", "\"kms:Decrypt\"", "*"))).now(NOW).build());

        assertThat(d.accessDeniedMessage()).endsWith("with an explicit deny in an identity-based policy");
        assertThat(d.decidingStatement().reference()).isEqualTo("IAM policy \"NoDecrypt\" statement #0 (line 1)");
    }

    @Test
    void allowedDecision_hasEmptyMessage_andDelegationIsRecorded() {
        Decision d = EVALUATOR.evaluate(EvaluationRequest.builder(ALICE, "kms:Decrypt", KEY_ARN, A,
                        DefaultKeyPolicy.document(A))
                .identityPolicies(List.of(iam("UseKey", "Allow", "\"kms:Decrypt\"", KEY_ARN))).now(NOW).build());

        assertThat(d.allowed()).isTrue();
        assertThat(d.accessDeniedMessage()).isEmpty();
        assertThat(d.supportingStatement().statement().sid()).isEqualTo(DefaultKeyPolicy.SID);
        assertThat(d.decidingStatement().policyName()).isEqualTo("UseKey");
        assertThat(d.requireAllowed()).isSameAs(d);
    }

    @Test
    void trace_recordsEachStatementAndTheConditionValues() {
        String policy = policy(ROOT_STATEMENT, allow(KEY_USER.arn(), "\"kms:Decrypt\"",
                "{\"StringEquals\": {\"kms:EncryptionContext:Department\": \"Finance\"}}"), ADMIN_ONLY);
        Decision d = EVALUATOR.evaluate(EvaluationRequest.builder(KEY_USER.session("app"), "kms:Decrypt", KEY_ARN,
                A, PolicyParser.parse(policy)).encryptionContext(Map.of("Department", "HR")).now(NOW).build());

        assertThat(d.statements()).hasSize(3);
        StatementTrace root = d.statements().get(0);
        StatementTrace user = d.statements().get(1);
        StatementTrace admin = d.statements().get(2);
        assertThat(root.principal()).isEqualTo(PrincipalMatch.ACCOUNT);
        assertThat(root.applies()).isTrue();
        assertThat(user.principal()).isEqualTo(PrincipalMatch.DIRECT);
        assertThat(user.applies()).isFalse();
        assertThat(user.conditions()).singleElement().satisfies(c -> {
            assertThat(c.requestValues()).containsExactly("HR");
            assertThat(c.clause().values()).containsExactly("Finance");
            assertThat(c.result()).isFalse();
        });
        assertThat(admin.principal()).isEqualTo(PrincipalMatch.NONE);
        assertThat(admin.conditionsEvaluated()).isFalse();
    }

    @Test
    void explain_tellsTheStory() {
        String policy = policy(ROOT_STATEMENT, allow(KEY_USER.arn(), "\"kms:Decrypt\"",
                "{\"StringEquals\": {\"kms:EncryptionContext:Department\": \"Finance\"}}"));
        Decision d = EVALUATOR.evaluate(EvaluationRequest.builder(KEY_USER.session("app"), "kms:Decrypt", KEY_ARN,
                A, PolicyParser.parse(policy)).encryptionContext(Map.of("Department", "HR")).now(NOW).build());

        assertThat(d.explain()).isEqualTo("""
                DENIED (IMPLICIT_DENY)
                Request: arn:aws:sts::111122223333:assumed-role/KeyUser/app calls kms:Decrypt on %s
                - key policy statement "Enable IAM User Permissions" (line 4), Allow: APPLIES
                    principal: names the caller's account, so the account's IAM policies must also allow the call \
                (Principal AWS [arn:aws:iam::111122223333:root])
                    action: matches (Action [kms:*])
                - key policy statement #1 (line 11), Allow: does not apply
                    principal: names the caller (Principal AWS [arn:aws:iam::111122223333:role/KeyUser])
                    action: matches (Action [kms:Decrypt])
                    condition: StringEquals kms:EncryptionContext:Department [Finance] vs request [HR] -> false
                Result: the key policy lets IAM policies decide, but no IAM policy of the caller allows the call.
                """.formatted(KEY_ARN));
    }

    @Test
    void explain_coversGrants() {
        Grant g = PolicyEvaluationTableTest.grant(ALICE.arn(), NOW.minusSeconds(2), GrantConstraints.NONE,
                GrantOperation.DECRYPT);
        Decision d = EVALUATOR.evaluate(EvaluationRequest.builder(ALICE, "kms:Decrypt", KEY_ARN, A,
                PolicyParser.parse(NO_DELEGATION_POLICY)).grants(List.of(g)).now(NOW).build());

        assertThat(d.reason()).isEqualTo(DecisionReason.IMPLICIT_DENY);
        assertThat(d.grants()).singleElement().satisfies(t -> {
            assertThat(t.granteeMatches()).isTrue();
            assertThat(t.effective()).isFalse();
        });
        assertThat(d.explain()).contains("- grant " + g.grantId() + ": does not apply (grantee is the caller;"
                + " operation allowed; constraints met; not yet propagated and no grant token)");
    }

    @Test
    void unknownAction_isRejected() {
        assertThatThrownBy(() -> decide(NO_DELEGATION_POLICY, ALICE, "kms:ReEncrypt"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("unknown KMS action: kms:ReEncrypt");
    }

    private static final String ADMIN_ONLY = allow(KEY_ADMIN.arn(), "\"kms:*\"",
            "{\"Bool\": {\"aws:MultiFactorAuthPresent\": \"true\"}}");
}
