package dev.kmslab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.engine.CallerContext;
import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.audit.AuditEvent;
import dev.kmslab.engine.model.CreateKeyRequest;
import dev.kmslab.flow.Flow;
import dev.kmslab.ui.flows.FlowsView;
import dev.kmslab.ui.keylab.keys.KeyRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The Key Lab's ways into the Flows player: "Watch with this key" records a flow on the learner's key, and "Open as
 * flow" replays one audit-log call (for example one from the AWS CLI).
 */
@ResourceLock(UiTests.JAVAFX)
class KeyLabFlowEntryTest extends KeyLabUiFixture {

    @Test
    void watchWithThisKey_recordsTheChosenFlowOnTheSelectedKey() throws Exception {
        createKeyInTheDialog("payroll");
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
        // The record shows only CloudTrail's fields; the simulator's reasoning sits apart, under its badge.
        assertThat(app.<javafx.scene.control.TextArea>find("#audit-json").getText())
                .contains("\"eventName\" : \"CreateKey\"").doesNotContain("authorizationExplanation");
        assertThat(app.<javafx.scene.control.Label>find("#audit-simulation-badge").getText())
                .isEqualTo("KMS Lab simulation");
        assertThat(app.<javafx.scene.control.Label>find("#audit-explanation").getText())
                .startsWith(dev.kmslab.flow.Step.SIMULATOR_HEADING);
        app.clickOn("#audit-open-flow");

        app.waitFor("#flows-view");
        FlowsView flows = app.find("#flows-view");
        until(() -> flows.player().model().flowProperty().get() != null);
        Flow flow = flows.player().model().flowProperty().get();
        assertThat(flow.id()).isEqualTo("audit-" + createKey.eventId());
        assertThat(flow.steps().get(0).action()).isEqualTo("CreateKey");
    }
}
