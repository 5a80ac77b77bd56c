package dev.kmslab.engine;

import static dev.kmslab.engine.PolicyFixture.ACCOUNT;
import static dev.kmslab.engine.PolicyFixture.OTHER_ACCOUNT;
import static dev.kmslab.engine.PolicyFixture.ROOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmslab.engine.error.AccessDeniedException;
import dev.kmslab.engine.error.ValidationException;
import dev.kmslab.engine.policy.AssumeRoleDecision;
import dev.kmslab.engine.policy.IamRole;
import dev.kmslab.engine.policy.PolicyValidationException;
import dev.kmslab.engine.policy.PrincipalIds;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Role trust policies decide sts:AssumeRole, and a session is matched by key policies as AWS matches it. */
class AssumeRoleTest {

    private static final String OPS = PolicyFixture.roleArn(ACCOUNT, "Ops");

    private final PolicyFixture f = new PolicyFixture();

    private AssumeRoleDecision assume(String callerArn, String roleArn) {
        return f.engine.principals().authorizeAssumeRole(callerArn, roleArn, "alice", null);
    }

    private static String trusting(String principalArn) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
                + principalArn + "\"},\"Action\":\"sts:AssumeRole\"}]}";
    }

    @Test
    void defaultTrust_needsTheCallersIamPolicyToo() {
        f.engine.principals().createRole(ACCOUNT, "Ops");
        f.user(ACCOUNT, "alice");
        String alice = PolicyFixture.userArn(ACCOUNT, "alice");

        AssumeRoleDecision denied = assume(alice, OPS);
        assertThat(denied.allowed()).isFalse();
        assertThat(denied.explanation()).startsWith("User: " + alice + " is not authorized to perform: "
                + "sts:AssumeRole on resource: " + OPS).contains("no identity-based policy allows");

        f.engine.principals().attachUserPolicy(ACCOUNT, "alice", "AssumeOps",
                PolicyFixture.iamAllow(OPS, "sts:AssumeRole"));
        AssumeRoleDecision allowed = assume(alice, OPS);
        assertThat(allowed.allowed()).isTrue();
        assertThat(allowed.session().arn()).isEqualTo("arn:aws:sts::" + ACCOUNT + ":assumed-role/Ops/alice");
    }

    @Test
    void aTrustPolicyNamingTheUser_sufficesInItsOwnAccount_andADenyWins() {
        f.engine.principals().createRole(ACCOUNT, "Ops");
        f.user(ACCOUNT, "alice");
        String alice = PolicyFixture.userArn(ACCOUNT, "alice");
        f.engine.principals().setTrustPolicy(ACCOUNT, "Ops", trusting(alice));
        assertThat(assume(alice, OPS).allowed()).isTrue();

        f.engine.principals().attachUserPolicy(ACCOUNT, "alice", "NoRoles", "{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"sts:*\",\"Resource\":\"*\"}]}");
        assertThat(assume(alice, OPS).explanation()).contains("explicit deny in an identity-based policy");
    }

    @Test
    void crossAccount_needsBothTheTrustPolicyAndTheCallersIam() {
        f.engine.principals().createRole(ACCOUNT, "Ops");
        f.user(OTHER_ACCOUNT, "bob");
        String bob = PolicyFixture.userArn(OTHER_ACCOUNT, "bob");
        assertThat(assume(bob, OPS).explanation()).contains("no statement in the role's trust policy allows the "
                + "caller or its account " + OTHER_ACCOUNT);

        f.engine.principals().setTrustPolicy(ACCOUNT, "Ops", trusting("arn:aws:iam::" + OTHER_ACCOUNT + ":root"));
        assertThat(assume(bob, OPS).explanation()).contains("no identity-based policy allows");

        f.engine.principals().attachUserPolicy(OTHER_ACCOUNT, "bob", "AssumeOps",
                PolicyFixture.iamAllow("arn:aws:iam::" + ACCOUNT + ":role/*", "sts:AssumeRole"));
        assertThat(assume(bob, OPS).allowed()).isTrue();
    }

    @Test
    void theAccountRoot_mayNotAssumeRoles() {
        f.engine.principals().createRole(ACCOUNT, "Ops");
        f.engine.principals().setTrustPolicy(ACCOUNT, "Ops", trusting(ROOT.principalArn()));
        assertThat(assume(ROOT.principalArn(), OPS).explanation()).isEqualTo("Roles may not be assumed by root "
                + "accounts.");
    }

    @Test
    void trustConditions_seeTheSessionNameAndExternalId() {
        f.engine.principals().createRole(ACCOUNT, "Ops");
        f.user(OTHER_ACCOUNT, "bob");
        f.engine.principals().attachUserPolicy(OTHER_ACCOUNT, "bob", "AssumeOps",
                PolicyFixture.iamAllow(OPS, "sts:AssumeRole"));
        f.engine.principals().setTrustPolicy(ACCOUNT, "Ops", "{\"Version\":\"2012-10-17\",\"Statement\":[{"
                + "\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + OTHER_ACCOUNT + "\"},\"Action\":"
                + "[\"sts:AssumeRole\",\"sts:TagSession\"],\"Condition\":{\"StringEquals\":{\"sts:ExternalId\":"
                + "\"partner-42\"}}}]}");
        String bob = PolicyFixture.userArn(OTHER_ACCOUNT, "bob");

        assertThat(f.engine.principals().authorizeAssumeRole(bob, OPS, "s", null).allowed()).isFalse();
        assertThat(f.engine.principals().authorizeAssumeRole(bob, OPS, "s", "partner-42").allowed()).isTrue();
    }

    @Test
    void trustPolicies_areValidated_andKeptWithTheKeystore() {
        f.engine.principals().createRole(ACCOUNT, "Ops");
        assertThatThrownBy(() -> f.engine.principals().setTrustPolicy(ACCOUNT, "Ops", "{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + ACCOUNT + "\"},"
                + "\"Action\":\"sts:AssumeRole\",\"Resource\":\"*\"}]}"))
                .isInstanceOf(PolicyValidationException.class).hasMessageContaining("a role trust policy has no "
                        + "Resource");
        assertThatThrownBy(() -> f.engine.principals().setTrustPolicy(ACCOUNT, "Ops",
                trusting(ROOT.principalArn()).replace("sts:AssumeRole", "kms:Decrypt")))
                .isInstanceOf(PolicyValidationException.class).hasMessageContaining("is not an sts action");
        assertThatThrownBy(() -> f.engine.principals().setMaxSessionDuration(ACCOUNT, "Ops", 50_000))
                .isInstanceOf(ValidationException.class).hasMessageContaining("3600 to 43200");

        String trust = trusting(PolicyFixture.userArn(ACCOUNT, "alice"));
        f.user(ACCOUNT, "alice");
        f.engine.principals().setTrustPolicy(ACCOUNT, "Ops", trust);
        f.engine.principals().setMaxSessionDuration(ACCOUNT, "Ops", 7200);

        KmsEngine reopened = f.open(f.storage);
        assertThat(reopened.principals().trustPolicy(ACCOUNT, "Ops")).isEqualTo(trust);
        assertThat(reopened.principals().maxSessionDuration(ACCOUNT, "Ops")).isEqualTo(7200);
    }

    @Test
    void aKeyPolicyNamingTheRole_coversItsSessions_withUserIdAndCallerAccountConditions() {
        f.engine.principals().createRole(ACCOUNT, "Ops");
        String roleId = PrincipalIds.roleId(new IamRole(ACCOUNT, "Ops"));
        assertThat(roleId).matches("AROA[A-Z2-7]{16}");
        String keyId = f.keyWithPolicy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"arn:aws:iam::" + ACCOUNT + ":root\"},\"Action\":\"kms:*\",\"Resource\":"
                + "\"*\"},{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + OPS + "\"},\"Action\":\"kms:Encrypt\","
                + "\"Resource\":\"*\",\"Condition\":{\"StringLike\":{\"aws:userid\":\"" + roleId + ":alice-*\"},"
                + "\"StringEquals\":{\"kms:CallerAccount\":\"" + ACCOUNT + "\",\"aws:PrincipalArn\":\"" + OPS
                + "\"}}}]}");
        CallerContext alice = CallerContext.of("arn:aws:sts::" + ACCOUNT + ":assumed-role/Ops/alice-laptop");
        CallerContext bob = CallerContext.of("arn:aws:sts::" + ACCOUNT + ":assumed-role/Ops/bob");

        assertThat(f.encrypt(alice, keyId, Map.of())).isNotEmpty();
        assertThat(f.lastEvent("Encrypt").principalArn()).isEqualTo(alice.principalArn());
        assertThatThrownBy(() -> f.encrypt(bob, keyId, Map.of())).isInstanceOf(AccessDeniedException.class);
    }
}
