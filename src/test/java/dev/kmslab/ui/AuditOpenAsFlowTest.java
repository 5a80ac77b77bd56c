package dev.kmslab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.engine.CallerContext;
import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.audit.AuditEvent;
import dev.kmslab.engine.model.CreateKeyRequest;
import dev.kmslab.flow.Flow;
import dev.kmslab.ui.flows.FlowsView;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/** A call in the Key Lab audit log (for example one from the AWS CLI) opens as a flow in the player. */
class AuditOpenAsFlowTest {

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
    void openAsFlow_playsTheSelectedEvent() throws Exception {
        KmsEngine engine = app.app().keyLab().engine();
        engine.createKey(CallerContext.root(engine.account()), CreateKeyRequest.withDescription("from the CLI"));
        app.clickOn("#keylab-tab-audit");
        app.waitFor("#audit-view");
        TableView<AuditEvent> table = app.find("#audit-table");
        until(() -> table.getItems().stream().anyMatch(e -> e.eventName().equals("CreateKey")));
        AuditEvent createKey = table.getItems().stream().filter(e -> e.eventName().equals("CreateKey"))
                .findFirst().orElseThrow();
        app.interact(() -> table.getSelectionModel().select(createKey));
        app.clickOn("#audit-open-flow");

        app.waitFor("#flows-view");
        FlowsView flows = app.find("#flows-view");
        until(() -> flows.player().model().flowProperty().get() != null);
        Flow flow = flows.player().model().flowProperty().get();
        assertThat(flow.id()).isEqualTo("audit-" + createKey.eventId());
        assertThat(flow.steps().get(0).action()).isEqualTo("CreateKey");
    }
}
