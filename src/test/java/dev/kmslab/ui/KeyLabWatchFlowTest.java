package dev.kmslab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.flow.Flow;
import dev.kmslab.ui.flows.FlowsView;
import dev.kmslab.ui.keylab.keys.KeyRow;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/** "Watch with this key" in the Key Lab opens the Flows player on a flow recorded with the learner's key. */
class KeyLabWatchFlowTest {

    @TempDir
    Path data;

    private final AppDriver app = new AppDriver();

    @BeforeEach
    void start() throws Exception {
        app.start(data);
        app.navigate("keylab", "#keys-view");
        until(() -> app.app().keyLab().engine() != null);
    }

    @AfterEach
    void stop() throws Exception {
        app.stop();
    }

    private void until(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void watchWithThisKey_recordsTheChosenFlowOnTheSelectedKey() throws Exception {
        app.clickOn("#create-key");
        app.waitFor("#new-key-alias");
        app.clickOn("#new-key-alias").write("payroll");
        app.clickOn("#create-key-ok");
        TableView<KeyRow> table = app.find("#keys-table");
        until(() -> table.getItems().size() == 1);
        String arn = table.getItems().get(0).metadata().arn();
        app.waitFor("#key-watch");
        app.scrollIntoView("#key-watch");
        int revisionBefore = app.app().keyLab().revisionProperty().get();
        app.clickOn("#key-watch");

        app.waitFor("#flows-view");
        assertThat(app.<ToggleButton>find("#nav-flows").isSelected()).isTrue();
        FlowsView flows = app.find("#flows-view");
        until(() -> flows.player().model().flowProperty().get() != null);
        Flow flow = flows.player().model().flowProperty().get();
        assertThat(flow.id()).isEqualTo("envelope-encryption");
        assertThat(flow.steps()).anySatisfy(s -> assertThat(s.parameters()).containsEntry("KeyId", arn));
        assertThat(app.app().keyLab().engine().auditLog().all())
                .anyMatch(e -> e.eventName().equals("GenerateDataKey") && arn.equals(e.keyArn()));
        // The recorded calls were real, so the Key Lab screens were told to reload.
        assertThat(app.app().keyLab().revisionProperty().get()).isGreaterThan(revisionBefore);
    }
}
