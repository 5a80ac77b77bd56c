package dev.kmslab.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmslab.engine.CallerContext;
import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.audit.AuditEvent;
import dev.kmslab.engine.error.AccessDeniedException;
import dev.kmslab.engine.model.CreateKeyRequest;
import dev.kmslab.engine.model.EncryptRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditEventFlowTest {

    private final KmsEngine engine = KmsEngine.inMemory();
    private final CallerContext root = CallerContext.root(engine.account());
    private final String keyId = engine.createKey(root, CreateKeyRequest.symmetric()).keyMetadata().keyId();

    private AuditEvent last(String name) {
        List<AuditEvent> all = engine.auditLog().all();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).eventName().equals(name)) {
                return all.get(i);
            }
        }
        throw new AssertionError("no " + name + " event");
    }

    @Test
    void aSuccessfulCall_becomesRequestAuthorizeAnswerAndLog_withoutThePlaintext() {
        byte[] secret = "card 4111-1111".getBytes(StandardCharsets.UTF_8);
        engine.encrypt(root, EncryptRequest.of(keyId, secret, Map.of("order", "42")));
        Flow flow = AuditEventFlow.of(last("Encrypt"));
        assertThat(flow.steps()).extracting(Step::action)
                .containsExactly("Encrypt", "Authorize", "Encrypt response", "Log Encrypt");
        assertThat(flow.steps()).allMatch(s -> s.failure().isEmpty());
        assertThat(flow.steps().get(0).parameters()).containsEntry("keyId", keyId);
        assertThat(flow.steps().get(0).parameters().toString()).contains("order").doesNotContain("4111");
        assertThat(flow.steps().get(1).parameters()).containsEntry("Decision", "Allowed");
    }

    @Test
    void aDeniedCall_endsWithItsAwsError_andTheExplanation() {
        engine.principals().createRole(engine.account(), "Nobody");
        CallerContext nobody = CallerContext.of("arn:aws:iam::" + engine.account() + ":role/Nobody");
        assertThatThrownBy(() -> engine.encrypt(nobody, EncryptRequest.of(keyId, new byte[] {1}, null)))
                .isInstanceOf(AccessDeniedException.class);
        Flow flow = AuditEventFlow.of(last("Encrypt"));
        assertThat(flow.actors().get(0).name()).isEqualTo("Nobody");
        assertThat(flow.steps().get(1).parameters()).containsEntry("Decision", "Denied");
        assertThat(flow.steps().get(1).narration()).doesNotContain("DENIED");
        assertThat(flow.steps().get(1).simulation()).startsWith(Step.SIMULATOR_HEADING).contains("DENIED");
        assertThat(flow.steps().get(3).parameters()).containsEntry("errorCode", "AccessDeniedException")
                .containsKey("errorMessage");
        assertThat(flow.steps().get(3).simulated()).isFalse();
        assertThat(flow.steps().get(2).failure()).hasValueSatisfying(f -> {
            assertThat(f.errorCode()).isEqualTo("AccessDeniedException");
            assertThat(f.message()).contains("is not authorized to perform: kms:Encrypt");
        });
    }
}
