package dev.kmslab.ui.keylab.keys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.engine.audit.AuditEvent;
import dev.kmslab.engine.model.DisableKeyRequest;
import dev.kmslab.flow.Flow;
import dev.kmslab.flow.FlowDefinition;
import dev.kmslab.flow.FlowRecorder;
import dev.kmslab.ui.UiTests;
import dev.kmslab.ui.common.UiExecutor;
import dev.kmslab.ui.flows.FlowsViewModel;
import dev.kmslab.ui.keylab.LabFixture;
import java.security.SecureRandom;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/** "Watch with this key": the Key Lab's selected key drives a flow recorded on the learner's own engine. */
@ResourceLock(UiTests.JAVAFX)
class WatchWithKeyTest {

    private final LabFixture lab = new LabFixture();
    private final KeysViewModel keys = new KeysViewModel(lab.session);
    private final FlowsViewModel flows = new FlowsViewModel(
            FlowRecorder.withLearnerEngine(lab.session::engine, new SecureRandom()), UiExecutor.synchronous());

    private KeyRow select(String keyId) {
        lab.session.selectedKeyIdProperty().set(keyId);
        return keys.selectedProperty().get();
    }

    @Test
    void watchFlow_recordsTheFlowOnTheSelectedKeyInTheLearnersEngine() {
        keys.setFlowOpener(flows::open);
        String keyId = lab.key("alias/orders");
        KeyRow row = select(keyId);
        String arn = row.metadata().arn();

        keys.watchFlow("envelope-encryption");

        assertThat(flows.errorProperty().get()).isNull();
        assertThat(flows.keyIdProperty().get()).contains(keyId);
        Flow flow = flows.flow().orElseThrow();
        assertThat(flow.id()).isEqualTo("envelope-encryption");
        assertThat(flow.steps()).filteredOn(s -> s.action().equals("GenerateDataKey"))
                .singleElement().satisfies(s -> assertThat(s.parameters()).containsEntry("KeyId", arn));
        // The calls were real calls on the learner's key: they are in the Key Lab's audit log.
        assertThat(lab.engine.auditLog().all()).extracting(AuditEvent::eventName, AuditEvent::keyArn)
                .contains(org.assertj.core.groups.Tuple.tuple("GenerateDataKey", arn));
    }

    @Test
    void watchableFlowsLeaveOutFlowsThatChangeTheirKey() {
        assertThat(KeysViewModel.watchableFlows()).extracting(FlowDefinition::id)
                .contains("direct-encrypt", "envelope-encryption", "s3-sse-kms")
                .doesNotContain("rotation", "key-deletion", "access-denied", "grant-ebs", "cross-account-decrypt");
    }

    @Test
    void watchFlow_isIgnoredWithoutAnOpenerOrForADisabledKey() {
        String keyId = lab.key(null);
        select(keyId);
        keys.watchFlow("direct-encrypt");
        assertThat(keys.canWatchFlows()).isFalse();

        String[] opened = {null};
        keys.setFlowOpener((id, key) -> opened[0] = id + " " + key.orElse(""));
        lab.engine.disableKey(lab.root, new DisableKeyRequest(keyId));
        lab.session.changed();
        assertThat(KeysViewModel.canWatch(keys.selectedProperty().get())).isFalse();
        keys.watchFlow("direct-encrypt");
        assertThat(opened[0]).isNull();
    }

    @Test
    void aFlowThatNeedsItsOwnKeyRunsOnAScratchKeyEvenWhenOneIsGiven() {
        String keyId = lab.key(null);
        flows.open("grant-ebs", Optional.of(keyId));
        assertThat(flows.flow().orElseThrow().steps()).allSatisfy(s -> assertThat(s.parameters().values())
                .noneMatch(v -> v.contains(keyId)));
        assertThat(lab.engine.auditLog().all()).noneMatch(e -> "CreateGrant".equals(e.eventName()));
    }
}
