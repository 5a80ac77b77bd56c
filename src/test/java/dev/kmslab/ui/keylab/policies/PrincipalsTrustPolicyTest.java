package dev.kmslab.ui.keylab.policies;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.ui.UiTests;
import dev.kmslab.ui.keylab.LabFixture;
import dev.kmslab.ui.keylab.actas.PrincipalChoice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/** The principals panel shows and sets a role's trust policy. */
@ResourceLock(UiTests.JAVAFX)
class PrincipalsTrustPolicyTest {

    private final LabFixture lab = new LabFixture();
    private final String account = lab.engine.account();
    private final PrincipalsViewModel model = new PrincipalsViewModel(lab.session);

    private PrincipalChoice role(String name) {
        lab.engine.principals().createRole(account, name);
        String arn = "arn:aws:iam::" + account + ":role/" + name;
        return new PrincipalChoice(arn, "role", account, "role/" + name, "");
    }

    @Test
    void aNewRole_trustsItsAccount_andANewTrustPolicyIsSet() {
        model.attachToProperty().set(role("Ops"));
        model.showTrustPolicy();
        assertThat(model.policyJsonProperty().get()).contains("\"arn:aws:iam::" + account + ":root\"",
                "sts:AssumeRole");

        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                + "\"arn:aws:iam::444455556666:root\"},\"Action\":\"sts:AssumeRole\"}]}";
        model.policyJsonProperty().set(trust);
        model.setTrustPolicy();
        assertThat(model.errorProperty().get()).isNull();
        assertThat(lab.engine.principals().trustPolicy(account, "Ops")).isEqualTo(trust);
    }

    @Test
    void aTrustPolicyWithAResource_isRefusedWithTheReason_andAUserHasNone() {
        model.attachToProperty().set(role("Ops"));
        model.policyJsonProperty().set("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"" + account + "\"},\"Action\":\"sts:AssumeRole\",\"Resource\":\"*\"}]}");
        model.setTrustPolicy();
        assertThat(model.errorProperty().get().message()).contains("a role trust policy has no Resource");

        model.attachToProperty().set(new PrincipalChoice("arn:aws:iam::" + account + ":user/alice", "user", account,
                "user/alice", ""));
        model.setTrustPolicy();
        assertThat(model.errorProperty().get().message()).isEqualTo("Choose a role: only roles have a trust policy.");
    }
}
