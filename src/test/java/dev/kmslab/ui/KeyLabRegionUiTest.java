package dev.kmslab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.engine.CallerContext;
import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.model.CreateKeyRequest;
import dev.kmslab.engine.model.ReplicateKeyRequest;
import dev.kmslab.ui.keylab.common.KeyLabSession;
import dev.kmslab.ui.keylab.keys.KeyRow;
import dev.kmslab.ui.keylab.keys.KeysViewModel;
import javafx.scene.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.testfx.matcher.control.LabeledMatchers;

/** The Region switcher clicked like a learner would: the Keys table shows the chosen Region's keys. */
@ResourceLock(UiTests.JAVAFX)
class KeyLabRegionUiTest extends KeyLabUiFixture {

    private void chooseRegion(String region) throws Exception {
        app.clickOn("#region-switcher");
        app.waitFor(".list-cell");
        Node cell = app.lookup(".list-cell").match(LabeledMatchers.hasText(region)).query();
        app.clickOn(cell);
        until(() -> region.equals(app.app().keyLab().region()));
    }

    @Test
    void switchingRegion_showsThatRegionsKeys_andTheReplicaAsAReplica() throws Exception {
        KeyLabSession lab = app.app().keyLab();
        KmsEngine east = lab.regions().engine("us-east-1");
        CallerContext root = CallerContext.root(east.account());
        String keyId = east.createKey(root, CreateKeyRequest.symmetric().withMultiRegion(true)).keyMetadata()
                .keyId();
        east.replicateKey(root, new ReplicateKeyRequest(keyId, "eu-west-1"));
        app.interact(lab::changed);
        until(() -> keysTable().getItems().size() == 1);

        chooseRegion("us-west-2");
        until(() -> keysTable().getItems().isEmpty());

        chooseRegion("eu-west-1");
        until(() -> keysTable().getItems().size() == 1);
        KeyRow replica = keysTable().getItems().get(0);
        assertThat(replica.keyId()).isEqualTo(keyId);
        assertThat(replica.metadata().arn()).contains(":eu-west-1:");
        assertThat(KeysViewModel.isReplica(replica)).isTrue();
    }

    @Test
    void replicateTo_inTheDetails_createsTheReplicaInTheChosenRegion() throws Exception {
        KeyLabSession lab = app.app().keyLab();
        KmsEngine east = lab.regions().engine("us-east-1");
        String keyId = east.createKey(CallerContext.root(east.account()), CreateKeyRequest.symmetric()
                .withMultiRegion(true)).keyMetadata().keyId();
        app.interact(() -> {
            lab.changed();
            lab.selectedKeyIdProperty().set(keyId);
        });
        until(() -> keysTable().getItems().size() == 1);
        app.waitFor("#key-replicate");
        app.scrollIntoView("#key-replicate");
        app.clickOn("#key-replicate");

        until(() -> KeysViewModel.multiRegionText(keysTable().getItems().get(0)).equals(
                "Primary; replicas in us-west-2"));
        chooseRegion("us-west-2");
        until(() -> keysTable().getItems().size() == 1 && KeysViewModel.isReplica(keysTable().getItems().get(0)));
    }
}
