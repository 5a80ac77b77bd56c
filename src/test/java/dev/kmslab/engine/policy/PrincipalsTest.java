package dev.kmslab.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PrincipalsTest {

    @Test
    void parse_eachPrincipalKind() {
        assertThat(Principals.parse("arn:aws:iam::111122223333:root")).isEqualTo(new AccountRoot("111122223333"));
        assertThat(Principals.parse("111122223333")).isEqualTo(new AccountRoot("111122223333"));
        assertThat(Principals.parse("arn:aws:iam::111122223333:user/division/alice"))
                .isEqualTo(new IamUser("111122223333", "/division/", "alice"));
        assertThat(Principals.parse("arn:aws:iam::111122223333:role/KeyUser"))
                .isEqualTo(new IamRole("111122223333", "KeyUser"));
        assertThat(Principals.parse("arn:aws:sts::111122223333:assumed-role/KeyUser/app"))
                .isEqualTo(new IamRole("111122223333", "KeyUser").session("app"));
        assertThat(Principals.parse("s3.amazonaws.com")).isEqualTo(new ServicePrincipal("s3.amazonaws.com"));
        assertThat(Principals.parse("*")).isSameAs(AnonymousPrincipal.INSTANCE);
    }

    @Test
    void arns_roundTrip() {
        for (String arn : new String[] {"arn:aws:iam::111122223333:root", "arn:aws:iam::111122223333:user/alice",
                "arn:aws:iam::111122223333:user/division/alice", "arn:aws:iam::111122223333:role/svc/KeyUser",
                "arn:aws:sts::111122223333:assumed-role/KeyUser/app"}) {
            assertThat(Principals.parse(arn).arn()).isEqualTo(arn);
        }
    }

    @Test
    void session_isNamedByItsRoleArnToo() {
        AssumedRoleSession s = new IamRole("111122223333", "KeyUser").session("app");

        assertThat(s.policyArns()).containsExactly("arn:aws:sts::111122223333:assumed-role/KeyUser/app",
                "arn:aws:iam::111122223333:role/KeyUser");
        assertThat(s.principalArnConditionValue()).isEqualTo("arn:aws:iam::111122223333:role/KeyUser");
        assertThat(s.accountId()).isEqualTo("111122223333");
    }

    @Test
    void malformed_givesReasons() {
        assertThatThrownBy(() -> Principals.parse("arn:aws:iam::12345:root"))
                .hasMessage("\"12345\" in \"arn:aws:iam::12345:root\" is not a 12-digit account id");
        assertThatThrownBy(() -> Principals.parse("arn:aws:s3:::bucket"))
                .hasMessageContaining("names service \"s3\"");
        assertThatThrownBy(() -> Principals.parse("aws:iam::111122223333:root"))
                .hasMessageContaining("is not an ARN of the form");
        assertThatThrownBy(() -> Principals.parse("arn:aws:ec2::111122223333:instance/i-1"))
                .hasMessageContaining("names service \"ec2\"");
        assertThatThrownBy(() -> Principals.parse("arn:aws:sts::111122223333:assumed-role/KeyUser"))
                .hasMessageContaining("assumed-role/<role>/<session>");
        assertThatThrownBy(() -> Principals.parse("arn:aws:iam::111122223333:user/"))
                .hasMessageContaining("must end in root");
        assertThatThrownBy(() -> new IamUser("111122223333", "bad name"))
                .hasMessage("a user name may not contain ' ': \"bad name\"");
        assertThat(Principals.tryParse("nonsense")).isEmpty();
    }
}
