package dev.kmslab.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The flows whose answers come from the engine's policy evaluation: access denied, cross-account, grants. */
class PermissionFlowsTest {

    private final FlowRecorder recorder = FlowRecorder.standalone(new SecureRandom());

    private static List<Step> failed(Flow flow) {
        return flow.steps().stream().filter(Step::failed).toList();
    }

    private static String message(Step step) {
        return step.failure().orElseThrow().message();
    }

    private static String evaluation(Step step) {
        return step.payload(FlowSession.EVALUATION_PAYLOAD).orElseThrow().textOrEmpty();
    }

    @Test
    void accessDenied_implicitDenyThenAllowedByIamThenExplicitDenyInKeyPolicy() {
        Flow flow = recorder.record("access-denied", Optional.empty());
        List<Step> failures = failed(flow);
        assertThat(failures).extracting(s -> s.failure().orElseThrow().errorCode())
                .containsExactly("AccessDeniedException", "AccessDeniedException");

        Step implicit = failures.get(0);
        assertThat(message(implicit)).contains("assumed-role/analytics-app/nightly-report")
                .contains("is not authorized to perform: kms:Decrypt")
                .contains("because no identity-based policy allows the kms:Decrypt action");
        assertThat(evaluation(implicit)).startsWith("DENIED (IMPLICIT_DENY)").contains("Enable IAM User Permissions");
        assertThat(implicit.narration()).doesNotContain("IMPLICIT_DENY");
        assertThat(implicit.simulation()).startsWith(Step.SIMULATOR_HEADING).contains("IMPLICIT_DENY");

        Step explicit = failures.get(1);
        assertThat(message(explicit)).contains("with an explicit deny in a resource-based policy");
        assertThat(evaluation(explicit)).startsWith("DENIED (EXPLICIT_DENY)");
        // AWS's message names the kind of policy only; the deciding statement is the simulator's, labelled so.
        assertThat(explicit.narration()).doesNotContain("EXPLICIT_DENY").doesNotContain("Deny analytics decrypt");
        assertThat(explicit.simulation()).startsWith(Step.SIMULATOR_HEADING).contains("EXPLICIT_DENY")
                .contains("Deny analytics decrypt");

        // Between the two denials the IAM policy alone was enough: a real plaintext came back.
        List<Step> allowed = flow.steps().stream().filter(s -> s.action().equals("Decrypt response")).toList();
        assertThat(allowed).hasSize(1);
        assertThat(allowed.get(0).payload("Plaintext").orElseThrow().secret()).isTrue();
        assertThat(flow.steps().indexOf(allowed.get(0))).isBetween(flow.steps().indexOf(implicit),
                flow.steps().indexOf(explicit));
    }

    @Test
    void accessDenied_cloudTrailLaneShowsTheRealRecordFields_andTheSimulatorApart() {
        Flow flow = recorder.record("access-denied", Optional.empty());
        List<Step> trail = flow.steps().stream().filter(s -> s.to().equals("cloudtrail")).toList();
        assertThat(trail).hasSize(2);
        for (Step record : trail) {
            assertThat(record.parameters()).containsEntry("errorCode", "AccessDeniedException")
                    .containsKeys("eventName", "userIdentity", "resources", "errorMessage")
                    .doesNotContainKey("authorization");
            assertThat(record.parameters().get("errorMessage"))
                    .contains("is not authorized to perform: kms:Decrypt");
            // No statement name anywhere in what the record (or its narration) claims to show.
            assertThat(String.join(" ", record.parameters().values()) + record.narration())
                    .doesNotContain("Deny analytics decrypt").doesNotContain(dev.kmslab.engine.policy
                            .DefaultKeyPolicy.SID).doesNotContain("IMPLICIT_DENY").doesNotContain("EXPLICIT_DENY");
            assertThat(record.simulated()).isTrue();
            assertThat(record.simulation()).startsWith("KMS Lab's simulator — AWS does not tell you this; here is "
                    + "how to work it out.");
        }
        assertThat(trail.get(1).parameters().get("errorMessage"))
                .endsWith("with an explicit deny in a resource-based policy");
        assertThat(trail.get(1).simulation()).contains("Deny analytics decrypt");
    }

    @Test
    void crossAccount_eachMissingHalfIsDeniedThenBothTogetherDecrypt() {
        Flow flow = recorder.record("cross-account-decrypt", Optional.empty());
        List<Step> failures = failed(flow);
        assertThat(failures).hasSize(2);
        assertThat(message(failures.get(0))).contains("arn:aws:sts::444455556666:assumed-role/reporting-app/")
                .contains("because no resource-based policy allows the kms:Decrypt action");
        assertThat(message(failures.get(1))).contains("arn:aws:sts::444455556666:assumed-role/audit-app/")
                .contains("because no identity-based policy allows the kms:Decrypt action");
        assertThat(evaluation(failures.get(0))).startsWith("DENIED");

        Step encrypt = flow.steps().stream().filter(s -> s.action().equals("Encrypt")).findFirst().orElseThrow();
        Step last = flow.steps().stream().filter(s -> s.action().equals("Decrypt response")).reduce((a, b) -> b)
                .orElseThrow();
        assertThat(last.to()).isEqualTo("client");
        assertThat(last.payload("Plaintext").orElseThrow().bytes())
                .isEqualTo(encrypt.payload("Plaintext").orElseThrow().bytes());
        Step put = flow.steps().stream().filter(s -> s.action().equals("PutKeyPolicy")).findFirst().orElseThrow();
        assertThat(put.payload("Key policy").orElseThrow().textOrEmpty())
                .contains("\"arn:aws:iam::444455556666:root\"").contains("\"kms:Decrypt\"");
    }

    @Test
    void grantEbs_tokenMakesTheNewGrantUsableAndRetiringEndsIt() {
        Flow flow = recorder.record("grant-ebs", Optional.empty());
        Step create = flow.steps().stream().filter(s -> s.action().equals("CreateGrant")).findFirst().orElseThrow();
        assertThat(create.parameters()).containsEntry("Operations", "[Decrypt]")
                .containsEntry("Constraints", "EncryptionContextSubset {\"aws:ebs:id\": \"" + GrantFlows.VOLUME
                        + "\"}");
        Payload token = flow.steps().stream().filter(s -> s.action().equals("CreateGrant response")).findFirst()
                .orElseThrow().payload("Grant token").orElseThrow();
        assertThat(token.secret()).isTrue();
        assertThat(token.textOrEmpty()).hasSize(128);

        List<Step> decrypts = flow.steps().stream().filter(s -> s.action().equals("Decrypt")).toList();
        assertThat(decrypts).extracting(s -> s.parameters().get("GrantTokens"))
                .containsExactly("(none)", "[grant token]", "[grant token]");
        List<Step> responses = flow.steps().stream().filter(s -> s.action().equals("Decrypt response")).toList();
        assertThat(responses).extracting(Step::failed).containsExactly(true, false, true);
        assertThat(evaluation(responses.get(0))).contains("not yet propagated");
        assertThat(message(responses.get(0))).contains("assumed-role/ec2-infrastructure/" + GrantFlows.INSTANCE);
        Payload dataKey = responses.get(1).payload("Plaintext data key").orElseThrow();
        assertThat(dataKey.secret()).isTrue();
        assertThat(dataKey.bytes()).hasSize(GrantFlows.VOLUME_KEY_BYTES);
        assertThat(responses.get(2).failure().orElseThrow().errorCode()).isEqualTo("AccessDeniedException");
        assertThat(new String(create.parameters().get("GranteePrincipal").getBytes(StandardCharsets.UTF_8),
                StandardCharsets.UTF_8)).endsWith(":assumed-role/ec2-infrastructure/" + GrantFlows.INSTANCE);
    }

    @Test
    void grantEbs_followsAwsDocumentation_andMarksWhatGoesBeyondIt() {
        Flow flow = recorder.record("grant-ebs", Optional.empty());
        Step generate = flow.steps().stream().filter(s -> s.action().equals("GenerateDataKeyWithoutPlaintext"))
                .findFirst().orElseThrow();
        // A 512-bit AES-256-XTS volume key: NumberOfBytes 64, never KeySpec AES_256.
        assertThat(generate.parameters()).containsEntry("NumberOfBytes", "64").doesNotContainKey("KeySpec");
        assertThat(GrantFlows.VOLUME_KEY_BYTES).isEqualTo(64);

        Step create = flow.steps().stream().filter(s -> s.action().equals("CreateGrant")).findFirst().orElseThrow();
        assertThat(create.parameters()).doesNotContainKey("RetiringPrincipal").doesNotContainKey("ViaService");
        assertThat(create.conditionContext()).containsEntry("kms:ViaService", "ec2.us-east-1.amazonaws.com");

        Step held = flow.steps().stream().filter(s -> s.action().startsWith("Data key in")).findFirst()
                .orElseThrow();
        assertThat(held.action()).isEqualTo("Data key in the Nitro hardware");
        assertThat(held.narration()).contains("Nitro hardware").doesNotContain("memory of the host");

        Step retire = flow.steps().stream().filter(s -> s.action().equals("RetireGrant")).findFirst().orElseThrow();
        assertThat(retire.simulated()).isTrue();
        assertThat(retire.simulation()).startsWith("Assumption:").contains("names no retiring principal");
        Step retired = flow.steps().stream().filter(s -> s.action().equals("RetireGrant response")).findFirst()
                .orElseThrow();
        assertThat(retired.narration()).contains("eventually consistent");

        Step afterRetire = flow.steps().stream().filter(s -> s.action().equals("Decrypt response"))
                .reduce((a, b) -> b).orElseThrow();
        assertThat(afterRetire.narration()).contains("may still succeed for a short while").doesNotContain("at once");
        assertThat(afterRetire.simulation()).contains("The lab's engine applies RetireGrant at once")
                .contains(Step.SIMULATOR_HEADING);
    }
}
