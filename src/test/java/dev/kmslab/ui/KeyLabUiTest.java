package dev.kmslab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.engine.audit.AuditEvent;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.testfx.util.WaitForAsyncUtils;

/** The Key Lab driven like a learner would: create, rotate, travel in time, disable, break a blob, delete. */
@ResourceLock(UiTests.JAVAFX)
class KeyLabUiTest extends KeyLabUiFixture {

    private int versions() {
        // On the FX thread: the timeline rebuilds its children while the test polls, and a lookup racing that
        // rebuild can meet a half-replaced child list.
        try {
            return WaitForAsyncUtils.asyncFx(
                    () -> app.lookup("#rotation-timeline .timeline-version").queryAll().size()).get();
        } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aKeysWholeLife_isVisibleOnEveryScreen_andInTheAuditLog() throws Exception {
        createKeyInTheDialog("orders");
        until(() -> keysTable().getItems().size() == 1);
        assertThat(keysTable().getItems().get(0).aliasText()).isEqualTo("alias/orders");

        tab("keylab-tab-rotation", "#rotation-view");
        until(() -> versions() == 1);
        app.clickOn("#rotate-now");
        until(() -> versions() == 2);
        app.clickOn("#rotation-auto");
        app.clickOn("#rotation-apply");
        until(() -> app.lookup(".timeline-next").tryQuery().isPresent());
        app.clickOn("#clock-plus-year");
        until(() -> versions() == 3);

        tab("keylab-tab-keys", "#keys-view");
        click("#key-disable");
        confirm();
        until(() -> "Disabled".equals(keysTable().getItems().get(0).state().name()));
        tab("keylab-tab-playground", "#playground-view");
        until(() -> !app.app().keyLab().selectedKeyIdProperty().get().isEmpty());
        app.clickOn("#pg-encrypt");
        until(() -> error("#pg-error").startsWith("DisabledException"));

        tab("keylab-tab-keys", "#keys-view");
        click("#key-enable");
        until(() -> "Enabled".equals(keysTable().getItems().get(0).state().name()));
        tab("keylab-tab-playground", "#playground-view");
        // Enabling refreshes the key list the Playground chooses from; its selection comes back with the refresh.
        until(() -> !app.app().keyLab().selectedKeyIdProperty().get().isEmpty());
        // The Playground re-lays out as the DisabledException box clears after the key is enabled; wait for that
        // before clicking so the click lands on the button, not where it was.
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        app.clickOn("#pg-encrypt");
        try {
            until(() -> app.lookup("#pg-bytes .blob-byte").queryAll().size() > 70);
        } catch (java.util.concurrent.TimeoutException e) {
            System.out.println("KeyLabUiTest: no blob after the first click (error '" + error("#pg-error")
                    + "'); clicking Encrypt again");
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
            app.clickOn("#pg-encrypt");
            until(() -> app.lookup("#pg-bytes .blob-byte").queryAll().size() > 70);
        }
        app.clickOn("#pg-flip");
        until(() -> app.lookup(".blob-byte-flipped").tryQuery().isPresent());
        app.clickOn("#pg-decrypt");
        until(() -> error("#pg-error").startsWith("InvalidCiphertextException"));

        tab("keylab-tab-keys", "#keys-view");
        click("#key-schedule-deletion");
        confirm();
        until(() -> "PendingDeletion".equals(keysTable().getItems().get(0).state().name()));
        app.clickOn("#clock-plus-month");
        app.clickOn("#clock-plus-day");
        until(() -> keysTable().getItems().isEmpty());

        tab("keylab-tab-audit", "#audit-view");
        TableView<AuditEvent> audit = app.find("#audit-table");
        until(() -> audit.getItems().stream().anyMatch(e -> e.eventName().equals("DeleteKey")));
        assertThat(audit.getItems()).extracting(AuditEvent::eventName).contains("CreateKey", "CreateAlias",
                "RotateKeyOnDemand", "EnableKeyRotation", "RotateKey", "DisableKey", "EnableKey", "Encrypt",
                "Decrypt", "ScheduleKeyDeletion", "DeleteKey");
        assertThat(audit.getItems()).filteredOn(AuditEvent::isError).extracting(AuditEvent::errorCode)
                .contains("DisabledException", "InvalidCiphertextException");
    }
}
