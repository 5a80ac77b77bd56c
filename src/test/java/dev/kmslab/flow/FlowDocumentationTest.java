package dev.kmslab.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The flows teach only what AWS documents (issue 21): kms:ViaService is a condition-context value, never a request
 * parameter; the provisioner's safety depends on lacking kms:Decrypt; errors AWS does not document are said to be
 * undocumented and marked as the lab's simulation, consistent with the engine's answer.
 */
class FlowDocumentationTest {

    private final FlowRecorder recorder = FlowRecorder.standalone(new SecureRandom());

    private Flow record(String id) {
        return recorder.record(id, Optional.empty());
    }

    private static Step first(Flow flow, String action) {
        return flow.steps().stream().filter(s -> s.action().equals(action)).findFirst().orElseThrow();
    }

    @Test
    void viaServiceIsAConditionContextValue_neverARequestParameter() {
        for (FlowDefinition d : FlowCatalogue.all()) {
            for (Step step : record(d.id()).steps()) {
                assertThat(step.parameters().keySet()).as(d.id() + " / " + step.action())
                        .noneMatch(k -> k.toLowerCase(java.util.Locale.ROOT).contains("viaservice"));
            }
        }
        assertThat(first(record("s3-sse-kms"), "GenerateDataKey").conditionContext())
                .containsExactly(java.util.Map.entry("kms:ViaService", "s3.us-east-1.amazonaws.com"));
        assertThat(first(record("s3-sse-kms"), "Decrypt").conditionContext())
                .containsEntry("kms:ViaService", "s3.us-east-1.amazonaws.com");
        assertThat(first(record("s3-bucket-key"), "GenerateDataKey").conditionContext())
                .containsEntry("kms:ViaService", "s3.us-east-1.amazonaws.com");
        assertThat(first(record("secrets-manager-read"), "Decrypt").conditionContext())
                .containsEntry("kms:ViaService", "secretsmanager.us-east-1.amazonaws.com");
        assertThat(first(record("grant-ebs"), "CreateGrant").conditionContext())
                .containsEntry("kms:ViaService", "ec2.us-east-1.amazonaws.com");
        // A direct call by the application has no service in between.
        assertThat(first(record("envelope-encryption"), "GenerateDataKey").conditionContext()).isEmpty();
    }

    @Test
    void theProvisionerIsKeptFromPlaintextOnlyWithoutDecryptPermission() {
        Step response = first(record("data-key-without-plaintext"), "GenerateDataKeyWithoutPlaintext response");
        assertThat(response.narration()).contains("kms:Decrypt").contains("as long as it has no kms:Decrypt")
                .doesNotContain("even if it wanted to");
    }

    @Test
    void deletedKey_pendingDeletionErrorIsDocumented_deletedKeyErrorIsSaidToBeUndocumented() {
        List<Step> errors = record("key-deletion").steps().stream().filter(Step::failed).toList();
        assertThat(errors).extracting(s -> s.failure().orElseThrow().errorCode())
                .containsExactly("KMSInvalidStateException", "NotFoundException");
        assertThat(errors.get(0).simulated()).isFalse();
        assertThat(errors.get(0).narration()).contains("KMSInvalidStateException");
        assertThat(errors.get(1).simulated()).isTrue();
        assertThat(errors.get(1).simulation()).contains("AWS does not document which error Decrypt returns")
                .contains("NotFoundException");
        assertThat(errors.get(1).narration()).doesNotContain("NotFoundException");
    }

    @Test
    void singleRegionCiphertextInAnotherRegion_theErrorIsSaidToBeUndocumented_andMatchesTheEngine() {
        Step error = record("multi-region-decrypt").steps().stream().filter(Step::failed).findFirst().orElseThrow();
        String code = error.failure().orElseThrow().errorCode();
        assertThat(code).isEqualTo("InvalidCiphertextException");
        assertThat(error.simulation()).contains("AWS does not document which error Decrypt returns")
                .contains("The lab's engine answers " + code);
        assertThat(error.narration()).doesNotContain(code);
    }

    @Test
    void keyMaterialVersionNumbersAreMarkedAsTheLabs() {
        for (String id : List.of("rotation", "reencrypt-after-rotation")) {
            List<Step> numbered = record(id).steps().stream().filter(s -> s.parameters().keySet().stream()
                    .anyMatch(k -> k.contains("version"))).toList();
            assertThat(numbered).as(id).isNotEmpty().allSatisfy(s -> assertThat(s.simulation())
                    .contains("The lab numbers key material versions").contains("KeyMaterialId"));
        }
    }
}
