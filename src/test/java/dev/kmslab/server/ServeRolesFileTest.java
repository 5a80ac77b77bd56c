package dev.kmslab.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;

/**
 * {@code serve --roles-file roles.json}: users, roles, trust policies, session limits and inline policies of both lab
 * accounts from one JSON file, used over the wire with the SDK; and every kind of bad file refused before anything
 * changes, naming the file, the line and column, the JSON path and what was expected.
 */
class ServeRolesFileTest {

    private static final String HOME = "111122223333";
    private static final String PARTNER = "444455556666";
    private static final String ALICE = "arn:aws:iam::" + HOME + ":user/alice";
    private static final String OPS = "arn:aws:iam::" + HOME + ":role/Ops";
    private static final String AUDITOR = "arn:aws:iam::" + PARTNER + ":role/Auditor";
    private static final List<String> ACCOUNTS = List.of(HOME, PARTNER);

    static final String GOOD = """
            {
              "Users": [
                {"UserName": "alice", "Policies": {"assume-ops": {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": ["arn:aws:iam::111122223333:role/Ops",
                    "arn:aws:iam::444455556666:role/Auditor"]}]}}}
              ],
              "Roles": [
                {
                  "RoleName": "Ops",
                  "Account": "111122223333",
                  "MaxSessionDuration": 7200,
                  "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                    "Principal": {"AWS": "arn:aws:iam::111122223333:user/alice"}, "Action": "sts:AssumeRole"}]},
                  "Policies": {"use-keys": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                    "Action": ["kms:Encrypt", "kms:Decrypt"], "Resource": "*"}]}}
                },
                {
                  "RoleName": "Auditor",
                  "Account": "444455556666",
                  "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                    "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "sts:AssumeRole"}]}
                }
              ]
            }
            """;

    @TempDir
    Path dir;

    private Path file(String name, String text) throws Exception {
        return ServeRuns.file(dir, name, text);
    }

    private KmsHttpServer serve(ByteArrayOutputStream printed, String... args) throws Exception {
        return ServeRuns.serve(dir, printed, args);
    }

    @Test
    void aGoodFile_createsUsersAndRolesInBothAccounts_andAliceAssumesOpsOverTheWire() throws Exception {
        Path roles = file("roles.json", GOOD);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        KmsHttpServer server = serve(printed, "--roles-file", roles.toString(), "--issue-access-key", ALICE);
        try {
            String out = printed.toString(StandardCharsets.UTF_8);
            assertThat(out).contains("created user " + ALICE + ", policies assume-ops (" + roles + ")")
                    .contains("created role " + OPS + ": trust policy, sessions up to 7200 s, policies use-keys ("
                            + roles + ")")
                    .contains("created role " + AUDITOR + ": trust policy (" + roles + ")");
            Matcher key = Pattern.compile("NEW access key for " + Pattern.quote(ALICE)
                    + ": access key id '([^']+)', secret access key '([^']+)'").matcher(out);
            assertThat(key.find()).isTrue();
            AwsBasicCredentials alice = AwsBasicCredentials.create(key.group(1), key.group(2));
            AwsBasicCredentials root = AwsBasicCredentials.create("test", "test");

            AssumeRoleResponse ops;
            try (StsClient sts = SdkStsTest.sts(server.endpoint(), alice)) {
                // 7200 seconds: allowed only because the file raised the role's MaxSessionDuration.
                ops = sts.assumeRole(b -> b.roleArn(OPS).roleSessionName("deploy").durationSeconds(7200));
            }
            assertThat(ops.assumedRoleUser().arn()).isEqualTo("arn:aws:sts::" + HOME + ":assumed-role/Ops/deploy");
            String keyId;
            try (KmsClient kms = SdkStsTest.kms(server.endpoint(), root)) {
                keyId = kms.createKey(b -> b.description("app data")).keyMetadata().keyId();
            }
            try (KmsClient asOps = SdkStsTest.kms(server.endpoint(), SdkStsTest.session(ops))) {
                SdkBytes blob = asOps.encrypt(b -> b.keyId(keyId).plaintext(SdkBytes.fromUtf8String("payload")))
                        .ciphertextBlob();
                assertThat(asOps.decrypt(b -> b.ciphertextBlob(blob)).plaintext().asUtf8String())
                        .isEqualTo("payload");
                // use-keys allows Encrypt and Decrypt only.
                assertThatThrownBy(() -> asOps.createKey(b -> b.description("not allowed")))
                        .isInstanceOfSatisfying(KmsException.class, e -> assertThat(e.awsErrorDetails().errorCode())
                                .isEqualTo("AccessDeniedException"));
            }
            // The Partner account's role trusts the home account (its root), and alice's policy lets her assume it.
            try (StsClient sts = SdkStsTest.sts(server.endpoint(), alice)) {
                assertThat(sts.assumeRole(b -> b.roleArn(AUDITOR).roleSessionName("review")).assumedRoleUser()
                        .arn()).isEqualTo("arn:aws:sts::" + PARTNER + ":assumed-role/Auditor/review");
            }
        } finally {
            ServeCommand.shutdown(server);
        }
        // Given again, the roles are kept (not created anew) and their policies set again.
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        ServeCommand.shutdown(serve(again, "--roles-file", roles.toString()));
        assertThat(again.toString(StandardCharsets.UTF_8)).contains("  role " + OPS + ": trust policy")
                .contains("  user " + ALICE + ", policies assume-ops");
    }

    @Test
    void help_andUsage_explainTheRolesFile() {
        assertThat(ServeCommand.HELP).contains("--roles-file ROLES.json").contains("AssumeRolePolicyDocument")
                .contains("MaxSessionDuration").contains("$.Roles[0].AssumeRolePolicyDocument");
        assertThat(ServeCommand.Options.parse(List.of("--roles-file", "a.json", "--roles-file", "b.json"))
                .rolesFiles()).containsExactly(Path.of("a.json"), Path.of("b.json"));
        assertThatThrownBy(() -> ServeCommand.Options.parse(List.of("--roles-file")))
                .hasMessage("--roles-file needs a value");
    }

    private String refusal(String text) throws Exception {
        Path f = file("bad.json", text);
        try {
            RolesFile.read(f, ACCOUNTS);
        } catch (IllegalArgumentException e) {
            return e.getMessage().replace(f.toString(), "bad.json");
        }
        throw new AssertionError("the file was accepted");
    }

    private static String trust(String principal) {
        return "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \""
                + principal + "\"}, \"Action\": \"sts:AssumeRole\"}]}";
    }

    @Test
    void eachKindOfBadFile_isRefusedWithFileLineColumnPathAndWhatWasExpected() throws Exception {
        Path missing = dir.resolve("nope.json");
        assertThatThrownBy(() -> RolesFile.read(missing, ACCOUNTS))
                .hasMessage("--roles-file " + missing + ": the file does not exist");
        assertThat(refusal("")).isEqualTo("--roles-file bad.json: line 1, column 1, at $: expected a JSON object "
                + "with \"Roles\" (and optionally \"Users\"), but the file is empty");
        assertThat(refusal("{\n  \"Roles\": [\n    {\"RoleName\": \"Ops\",}\n  ]\n}"))
                .startsWith("--roles-file bad.json: line 3, column 24: not valid JSON: ");
        assertThat(refusal("[]")).isEqualTo("--roles-file bad.json: line 1, column 1, at $: expected a JSON "
                + "object with \"Roles\" (and optionally \"Users\"), got an array");
        assertThat(refusal("{\"Users\": []}")).isEqualTo("--roles-file bad.json: line 1, column 13, at $: "
                + "expected a \"Roles\" array (the roles to create), found none");
        assertThat(refusal("{\"Roles\": {}}")).isEqualTo("--roles-file bad.json: line 1, column 11, at $.Roles: "
                + "expected a JSON array of roles, got an object");
        assertThat(refusal("{\"Roles\": [\"Ops\"]}")).isEqualTo("--roles-file bad.json: line 1, column 12, at "
                + "$.Roles[0]: expected a role: a JSON object with \"RoleName\" and \"AssumeRolePolicyDocument\", "
                + "got a string");
        assertThat(refusal("{\"Roles\": [{\"RoleName\": \"Ops\",\n  \"TrustPolicy\": {}}]}"))
                .isEqualTo("--roles-file bad.json: line 2, column 3, at $.Roles[0].TrustPolicy: unexpected member "
                        + "\"TrustPolicy\"; expected \"Account\", \"AssumeRolePolicyDocument\", "
                        + "\"MaxSessionDuration\", \"Policies\", \"RoleName\"");
        assertThat(refusal("{\"Roles\": [{\"RoleName\": 7}]}")).isEqualTo("--roles-file bad.json: line 1, "
                + "column 25, at $.Roles[0].RoleName: expected a role name: 1 to 64 letters, digits or +=,.@_-, got "
                + "a whole number");
        assertThat(refusal("{\"Roles\": [{\"RoleName\": \"Ops team\"}]}")).isEqualTo("--roles-file bad.json: "
                + "line 1, column 25, at $.Roles[0].RoleName: expected a role name: 1 to 64 letters, digits or "
                + "+=,.@_-, got \"Ops team\"");
        assertThat(refusal("{\"Roles\": [\n  {\"RoleName\": \"Ops\"}]}")).isEqualTo("--roles-file bad.json: "
                + "line 2, column 3, at $.Roles[0]: expected \"AssumeRolePolicyDocument\" (the trust policy: who may "
                + "assume role Ops), found none");
        assertThat(refusal("{\"Roles\": [{\"AssumeRolePolicyDocument\": " + trust(ALICE) + "}]}"))
                .isEqualTo("--roles-file bad.json: line 1, column 12, at $.Roles[0]: expected \"RoleName\" in the "
                        + "role, found none");
        assertThat(refusal("{\"Roles\": [{\"RoleName\": \"Ops\", \"Account\": \"999999999999\"}]}"))
                .isEqualTo("--roles-file bad.json: line 1, column 43, at $.Roles[0].Account: expected a lab "
                        + "account id as a string (111122223333 or 444455556666), got \"999999999999\", which is "
                        + "not a lab account");
        assertThat(refusal("{\"Roles\": [{\"RoleName\": \"Ops\", \"MaxSessionDuration\": 60}]}"))
                .isEqualTo("--roles-file bad.json: line 1, column 54, at $.Roles[0].MaxSessionDuration: expected a "
                        + "whole number of seconds from 3600 to 43200, got 60");
        assertThat(refusal("{\"Roles\": [{\"RoleName\": \"Ops\", \"AssumeRolePolicyDocument\": \"allow alice\"}]}"))
                .isEqualTo("--roles-file bad.json: line 1, column 60, at $.Roles[0].AssumeRolePolicyDocument: "
                        + "expected the role's trust policy (who may assume it) as a JSON object, got a string");
        assertThat(refusal("{\"Roles\": [{\"RoleName\": \"Ops\", \"Policies\": [\"use-keys\"]}]}"))
                .isEqualTo("--roles-file bad.json: line 1, column 44, at $.Roles[0].Policies: expected a JSON "
                        + "object of inline policies, each policy name mapped to its policy document, got an array");
        assertThat(refusal("{\"Roles\": [{\"RoleName\": \"Ops\", \"AssumeRolePolicyDocument\": " + trust(ALICE)
                + "}, {\"RoleName\": \"Ops\", \"AssumeRolePolicyDocument\": " + trust(ALICE) + "}]}"))
                .isEqualTo("--roles-file bad.json: at $.Roles[1]: role " + OPS + " is declared twice; declare each "
                        + "role once");
        // A policy that does not validate: placed where it stands in the file, with the field inside it.
        assertThat(refusal("{\"Roles\": [\n  {\"RoleName\": \"Ops\",\n   \"AssumeRolePolicyDocument\": {\"Version\": "
                + "\"2012-10-17\",\n     \"Statement\": [{\"Effect\": \"Maybe\", \"Principal\": {\"AWS\": \"" + ALICE
                + "\"}, \"Action\": \"sts:AssumeRole\"}]}}]}"))
                .isEqualTo("--roles-file bad.json: line 4, column 31, at $.Roles[0].AssumeRolePolicyDocument "
                        + "(field Statement[0].Effect of the policy): not a valid trust policy: Effect must be "
                        + "\"Allow\" or \"Deny\", not \"Maybe\"");
        assertThat(refusal("{\"Roles\": [{\"RoleName\": \"Ops\", \"AssumeRolePolicyDocument\": " + trust(ALICE)
                + ",\n  \"Policies\": {\"use-keys\": {\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": "
                + "\"Allow\", \"Principal\": \"*\", \"Action\": \"kms:Encrypt\", \"Resource\": \"*\"}]}}}]}"))
                .isEqualTo("--roles-file bad.json: line 2, column 88, at $.Roles[0].Policies.use-keys (field "
                        + "Statement[0].Principal of the policy): not a valid identity policy: an IAM identity "
                        + "policy must not name a Principal; it applies to its holder");
    }

    @Test
    void aBadFile_stopsServe_andChangesNothing() throws Exception {
        // The first role is fine, the second's trust policy is not: neither is created, serve does not listen.
        Path bad = file("roles.json", "{\"Roles\": [{\"RoleName\": \"Ops\", \"AssumeRolePolicyDocument\": "
                + trust(ALICE) + "},\n {\"RoleName\": \"Auditor\", \"AssumeRolePolicyDocument\": {\"Statement\": 3}}]}");
        assertThatThrownBy(() -> serve(new ByteArrayOutputStream(), "--roles-file", bad.toString()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--roles-file " + bad + ": line 2, column ")
                .hasMessageContaining("at $.Roles[1].AssumeRolePolicyDocument");
        assertThatThrownBy(() -> serve(new ByteArrayOutputStream(), "--issue-access-key", OPS))
                .hasMessageContaining("cannot issue an access key for " + OPS + ": no such principal");
    }
}
