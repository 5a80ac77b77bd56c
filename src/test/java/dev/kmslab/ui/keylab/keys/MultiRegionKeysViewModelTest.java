package dev.kmslab.ui.keylab.keys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.engine.CallerContext;
import dev.kmslab.engine.EngineConfig;
import dev.kmslab.engine.KmsRegions;
import dev.kmslab.engine.SimulatedClock;
import dev.kmslab.engine.audit.AuditEvent;
import dev.kmslab.engine.model.CreateKeyRequest;
import dev.kmslab.engine.model.DescribeKeyRequest;
import dev.kmslab.engine.model.KeyState;
import dev.kmslab.engine.model.MultiRegionKeyType;
import dev.kmslab.ui.UiTests;
import dev.kmslab.ui.common.UiExecutor;
import dev.kmslab.ui.keylab.common.KeyLabSession;
import dev.kmslab.ui.keylab.LabFixture;
import dev.kmslab.ui.keylab.audit.AuditViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/** The Region switcher, "Replicate to…" and "Make primary", driven through the view-models without a toolkit. */
@ResourceLock(UiTests.JAVAFX)
class MultiRegionKeysViewModelTest {

    private final KmsRegions regions = KmsRegions.inMemory(EngineConfig.defaults()
            .withClock(new SimulatedClock(LabFixture.START)));
    private final KeyLabSession session = KeyLabSession.of(regions, UiExecutor.synchronous());
    private final KeysViewModel keys = new KeysViewModel(session);
    private final CallerContext root = CallerContext.root(EngineConfig.DEFAULT_ACCOUNT);

    private String mrkInUsEast1() {
        String id = regions.engine("us-east-1").createKey(root, CreateKeyRequest.symmetric().withMultiRegion(true))
                .keyMetadata().keyId();
        session.changed();
        keys.select(keys.row(id));
        return id;
    }

    @Test
    void switcher_offersTheLabRegions_andTheTableFollowsTheChosenRegion() {
        String id = mrkInUsEast1();

        assertThat(session.regionChoices()).containsExactlyElementsOf(KmsRegions.LAB_REGIONS);
        assertThat(session.region()).isEqualTo("us-east-1");
        assertThat(keys.rows()).extracting(KeyRow::keyId).containsExactly(id);
        session.regionProperty().set("eu-west-1");
        assertThat(session.engine().region()).isEqualTo("eu-west-1");
        assertThat(keys.rows()).isEmpty();
    }

    @Test
    void replicateTo_createsTheReplica_whichTheOtherRegionShowsAsAReplica() {
        String id = mrkInUsEast1();
        KeyRow primary = keys.selectedProperty().get();

        assertThat(keys.replicaTargets(primary)).containsExactly("us-west-2", "eu-west-1", "ap-southeast-2");
        keys.replicateTo("eu-west-1");

        assertThat(keys.statusProperty().get()).startsWith("Replicated to eu-west-1");
        assertThat(KeysViewModel.multiRegionText(keys.row(id))).isEqualTo("Primary; replicas in eu-west-1");
        assertThat(keys.replicaTargets(keys.row(id))).containsExactly("us-west-2", "ap-southeast-2");
        session.regionProperty().set("eu-west-1");
        KeyRow replica = keys.row(id);
        assertThat(KeysViewModel.isReplica(replica)).isTrue();
        assertThat(KeysViewModel.multiRegionText(replica)).isEqualTo(
                "Replica; primary in us-east-1, replicas in eu-west-1");
        assertThat(keys.replicaTargets(replica)).isEmpty();
    }

    @Test
    void makePrimary_onAReplica_movesThePrimaryToThisRegion() {
        String id = mrkInUsEast1();
        keys.replicateTo("ap-southeast-2");
        session.regionProperty().set("ap-southeast-2");
        keys.select(keys.row(id));

        keys.makePrimary();

        assertThat(keys.errorProperty().get()).isNull();
        assertThat(KeysViewModel.isPrimary(keys.row(id))).isTrue();
        assertThat(regions.engine("us-east-1").describeKey(root, new DescribeKeyRequest(id)).keyMetadata()
                .multiRegionConfiguration().multiRegionKeyType()).isEqualTo(MultiRegionKeyType.REPLICA);
    }

    @Test
    void createForm_withMultiRegion_makesAnMrkPrimary() {
        keys.create(new CreateKeyForm("", dev.kmslab.engine.model.KeyUsage.ENCRYPT_DECRYPT,
                dev.kmslab.engine.model.KeySpec.SYMMETRIC_DEFAULT, dev.kmslab.engine.model.OriginType.AWS_KMS,
                java.util.List.of(), "orders", false, 365, true));

        KeyRow row = keys.selectedProperty().get();
        assertThat(row.keyId()).startsWith("mrk-");
        assertThat(KeysViewModel.isPrimary(row)).isTrue();
        assertThat(KeysViewModel.multiRegionText(row)).isEqualTo("Primary; no replicas yet");
        assertThat(KeysViewModel.isPrimary(keys.rows().get(0))).isTrue();
    }

    @Test
    void deletingAPrimaryWithReplicas_explainsTheWait() {
        String id = mrkInUsEast1();
        keys.replicateTo("eu-west-1");

        keys.scheduleDeletion(7);

        assertThat(keys.statusProperty().get()).contains("PendingReplicaDeletion").contains("7-day");
        assertThat(keys.row(id).state()).isEqualTo(KeyState.PendingReplicaDeletion);
    }

    @Test
    void auditScreen_showsTheChosenRegionsEvents() {
        AuditViewModel audit = new AuditViewModel(session);
        audit.hideReadsProperty().set(false);
        mrkInUsEast1();
        keys.replicateTo("eu-west-1");

        assertThat(audit.visibleEvents()).extracting(AuditEvent::awsRegion).containsOnly("us-east-1");
        session.regionProperty().set("us-west-2");
        assertThat(audit.visibleEvents()).extracting(AuditEvent::awsRegion).containsOnly("us-west-2");
        assertThat(audit.visibleEvents()).extracting(AuditEvent::eventName).doesNotContain("CreateKey");
        session.regionProperty().set("us-east-1");
        audit.select(audit.visibleEvents().get(0));
        assertThat(audit.selectedJson()).contains("\"awsRegion\" : \"us-east-1\"");
    }
}
