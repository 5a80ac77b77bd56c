package dev.kmslab.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** "Decrypt a multi-Region ciphertext in another Region", recorded from real calls in two linked Regions. */
class MultiRegionFlowTest {

    private final Flow flow = FlowRecorder.standalone(new SecureRandom()).record("multi-region-decrypt",
            Optional.empty());

    private Step step(String action, String from) {
        return flow.steps().stream().filter(s -> s.action().equals(action) && s.from().equals(from)).findFirst()
                .orElseThrow();
    }

    @Test
    void regionsAreActors_andTheCallsGoWhereTheyHappen() {
        assertThat(flow.actors()).extracting(Actor::name).contains("AWS KMS · us-east-1", "AWS KMS · eu-west-1");
        assertThat(flow.kmsCalls()).containsExactly("CreateKey", "ReplicateKey", "Encrypt", "Decrypt", "Decrypt");
        assertThat(flow.steps()).filteredOn(s -> s.kmsCall() && s.action().equals("Decrypt"))
                .extracting(Step::to).containsOnly("kms-eu");
        assertThat(flow.steps()).allSatisfy(s -> assertThat(s.narration()).isNotBlank());
        assertThat(flow.examTips()).isNotEmpty();
    }

    @Test
    void replicaDecryptsThePrimarysCiphertext_withTheSameKeyId() {
        String keyId = step("CreateKey response", "kms").parameters().get("KeyId");
        Step copy = step("Copy the key", "kms");
        Step decrypted = step("Decrypt response", "kms-eu");

        assertThat(keyId).startsWith("mrk-");
        assertThat(copy.parameters().get("Arn")).isEqualTo("arn:aws:kms:eu-west-1:111122223333:key/" + keyId);
        assertThat(decrypted.failed()).isFalse();
        assertThat(decrypted.parameters().get("KeyId")).contains(":eu-west-1:").endsWith(keyId);
        assertThat(new String(decrypted.payload("Plaintext").orElseThrow().bytes(), StandardCharsets.UTF_8))
                .isEqualTo("Ship 3 crates to Dublin");
        assertThat(step("Encrypt response", "kms").payload("Ciphertext blob").orElseThrow().bytes())
                .isEqualTo(step("Replicate the data", "client").payload("Ciphertext blob").orElseThrow().bytes());
    }

    @Test
    void singleRegionCiphertext_failsInTheOtherRegion() {
        List<Step> errors = flow.steps().stream().filter(Step::failed).toList();

        assertThat(errors).singleElement().satisfies(s -> {
            assertThat(s.action()).isEqualTo("Decrypt error");
            assertThat(s.failure().orElseThrow().errorCode()).isEqualTo("InvalidCiphertextException");
        });
    }
}
