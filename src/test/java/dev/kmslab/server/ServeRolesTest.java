package dev.kmslab.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve --role [ACCOUNT:]NAME=TRUST.json} and {@code --attach-policy ARN=POLICY.json}: parsed, applied through
 * the lab's IAM directory before the endpoint listens, and refused with the option, file, line, column and field when
 * a file is missing or its policy is bad.
 */
class ServeRolesTest {

    private static final String ALICE = "arn:aws:iam::111122223333:user/alice";

    @TempDir
    Path dir;

    private Path file(String name, String text) throws Exception {
        return ServeRuns.file(dir, name, text);
    }

    private KmsHttpServer serve(ByteArrayOutputStream printed, String... args) throws Exception {
        return ServeRuns.serve(dir, printed, args);
    }

    @Test
    void roleOption_parsesAccountNameAndFile_andRefusesAnotherShape() {
        ServeCommand.Options options = ServeCommand.Options.parse(List.of("--role", "444455556666:Auditor=a.json",
                "--role", "Ops=ops.json", "--attach-policy", ALICE + "=allow-assume.json"));
        assertThat(options.roles()).containsExactly(
                new RoleDefinitions.RoleSpec("444455556666", "Auditor", Path.of("a.json")),
                new RoleDefinitions.RoleSpec(null, "Ops", Path.of("ops.json")));
        assertThat(options.policies()).singleElement().satisfies(p -> {
            assertThat(p.principalArn()).isEqualTo(ALICE);
            assertThat(p.policyName()).isEqualTo("allow-assume");
        });
        assertThatThrownBy(() -> ServeCommand.Options.parse(List.of("--role", "Ops")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--role needs [ACCOUNT:]NAME=TRUST_POLICY_FILE, for example --role "
                        + "111122223333:Ops=ops-trust.json; got 'Ops'");
        assertThatThrownBy(() -> ServeCommand.Options.parse(List.of("--attach-policy", ALICE)))
                .hasMessageStartingWith("--attach-policy needs PRINCIPAL_ARN=POLICY_FILE");
    }

    @Test
    void rolesAndPolicies_areCreatedInBothAccounts_andKeptAcrossRestarts() throws Exception {
        Path trust = file("ops-trust.json", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"" + ALICE + "\"},\"Action\":\"sts:AssumeRole\"}]}");
        Path partnerTrust = file("auditor-trust.json", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":"
                + "\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:root\"},\"Action\":"
                + "\"sts:AssumeRole\"}]}");
        Path allow = file("allow-assume.json", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":\"sts:AssumeRole\",\"Resource\":\"arn:aws:iam::444455556666:role/Auditor\"}]}");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ServeCommand.shutdown(serve(printed, "--create-user", "alice", "--role", "Ops=" + trust, "--role",
                "444455556666:Auditor=" + partnerTrust, "--attach-policy", ALICE + "=" + allow));
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("created role arn:aws:iam::111122223333:role/Ops with trust policy from " + trust)
                .contains("created role arn:aws:iam::444455556666:role/Auditor with trust policy from " + partnerTrust)
                .contains("attached policy allow-assume from " + allow + " to " + ALICE);

        ByteArrayOutputStream again = new ByteArrayOutputStream();
        ServeCommand.shutdown(serve(again, "--role", "Ops=" + trust));
        assertThat(again.toString(StandardCharsets.UTF_8))
                .contains("role arn:aws:iam::111122223333:role/Ops: set trust policy from " + trust);
    }

    @Test
    void trustPolicyThatIsNotJson_isRefusedWithFileLineAndColumn() throws Exception {
        Path bad = file("bad.json", "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\"Effect\": }\n]}");
        assertThatThrownBy(() -> serve(new ByteArrayOutputStream(), "--role", "Ops=" + bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--role Ops=" + bad + ": " + bad + " line 4, column 16: not a valid trust "
                        + "policy: not valid JSON");
    }

    @Test
    void trustPolicyWithABadField_namesTheField_andLeavesNoRoleBehind() throws Exception {
        Path bad = file("bad.json", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Maybe\","
                + "\"Principal\":{\"AWS\":\"" + ALICE + "\"},\"Action\":\"sts:AssumeRole\"}]}");
        assertThatThrownBy(() -> serve(new ByteArrayOutputStream(), "--role", "Ops=" + bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(bad + " line 1, column ")
                .hasMessageContaining("field Statement[0].Effect: not a valid trust policy");
        Path good = file("good.json", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"" + ALICE + "\"},\"Action\":\"sts:AssumeRole\"}]}");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ServeCommand.shutdown(serve(printed, "--role", "Ops=" + good));
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("created role arn:aws:iam::111122223333:"
                + "role/Ops with trust policy");
    }

    @Test
    void missingFiles_unknownAccounts_andUnknownPrincipals_areRefusedByName() throws Exception {
        Path missing = dir.resolve("nope.json");
        assertThatThrownBy(() -> serve(new ByteArrayOutputStream(), "--role", "Ops=" + missing))
                .hasMessage("--role Ops=" + missing + ": trust policy file " + missing + " does not exist");
        Path trust = file("t.json", "{\"Version\":\"2012-10-17\",\"Statement\":[]}");
        assertThatThrownBy(() -> serve(new ByteArrayOutputStream(), "--role", "999999999999:Ops=" + trust))
                .hasMessageContaining("account 999999999999 is not a lab account (the lab has 111122223333 and "
                        + "444455556666)");
        assertThatThrownBy(() -> serve(new ByteArrayOutputStream(), "--attach-policy", ALICE + "=" + trust))
                .hasMessageContaining(ALICE + " is not a user or role of the lab");
    }

    @Test
    void help_explainsTheRoleOptions() {
        assertThat(ServeCommand.HELP).contains("--role [ACCOUNT:]NAME=TRUST_POLICY.json")
                .contains("--attach-policy PRINCIPAL_ARN=POLICY.json").contains("--tls")
                .contains("444455556666").doesNotContain("\\n");
    }
}
