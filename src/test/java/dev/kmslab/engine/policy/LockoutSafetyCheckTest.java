package dev.kmslab.engine.policy;

import static dev.kmslab.engine.policy.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmslab.engine.error.MalformedPolicyDocumentException;
import java.util.List;
import org.junit.jupiter.api.Test;

class LockoutSafetyCheckTest {

    private static void check(String policy, Principal caller, List<AttachedPolicy> iam, boolean bypass) {
        LockoutSafetyCheck.check(PolicyParser.parse(policy), caller, iam, KEY_ARN, A, NOW, bypass);
    }

    @Test
    void policyWithoutTheCaller_isRefusedWithAwsMessage() {
        String onlyUsers = policy(KEY_USER_ONLY);

        assertThatThrownBy(() -> check(onlyUsers, ALICE, List.of(), false))
                .isExactlyInstanceOf(MalformedPolicyDocumentException.class)
                .hasMessage("The new key policy will not allow you to update the key policy in the future.");
    }

    @Test
    void bypass_letsTheRiskyPolicyThrough() {
        assertThatCode(() -> check(policy(KEY_USER_ONLY), ALICE, List.of(), true)).doesNotThrowAnyException();
    }

    @Test
    void defaultPolicy_passesForTheRootAndForAnIamAdmin() {
        String def = DefaultKeyPolicy.forAccount(A);

        assertThatCode(() -> check(def, ROOT_A, List.of(), false)).doesNotThrowAnyException();
        assertThatCode(() -> check(def, ALICE, List.of(iam("Admin", "Allow", "\"kms:*\"", "*")), false))
                .doesNotThrowAnyException();
    }

    @Test
    void defaultPolicy_refusesAUserWithoutIamPermission() {
        assertThatThrownBy(() -> check(DefaultKeyPolicy.forAccount(A), ALICE, List.of(), false))
                .hasMessage(LockoutSafetyCheck.MESSAGE);
    }

    @Test
    void keyAdministrator_namedInPolicy_passes() {
        assertThatCode(() -> check(NO_DELEGATION_POLICY, KEY_ADMIN.session("admin"), List.of(), false))
                .doesNotThrowAnyException();
    }

    @Test
    void denyOnPutKeyPolicy_locksEveryoneOut() {
        String denyPut = policy(ROOT_STATEMENT, statement("Deny", "\"*\"", "\"kms:PutKeyPolicy\"", null));

        assertThatThrownBy(() -> check(denyPut, ROOT_A, List.of(), false)).hasMessage(LockoutSafetyCheck.MESSAGE);
        Decision d = LockoutSafetyCheck.wouldAllowPutKeyPolicy(PolicyParser.parse(denyPut), ROOT_A, List.of(),
                KEY_ARN, A, NOW);
        assertThat(d.reason()).isEqualTo(DecisionReason.EXPLICIT_DENY);
    }

    private static final String KEY_USER_ONLY = allow(KEY_USER.arn(), "[\"kms:Encrypt\", \"kms:Decrypt\"]", null);
}
