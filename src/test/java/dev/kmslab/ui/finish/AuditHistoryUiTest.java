package dev.kmslab.ui.finish;

import org.junit.jupiter.api.parallel.ResourceLock;
import dev.kmslab.ui.UiTests;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.engine.audit.AuditEvent;
import dev.kmslab.ui.KeyLabUiFixture;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;

/**
 * The app closed and started again on the same data folder (no snapshot restored): the Audit log tab lists the calls
 * of the first run, like CloudTrail's event history, not only the calls made since the start.
 */
@ResourceLock(UiTests.JAVAFX)
class AuditHistoryUiTest extends KeyLabUiFixture {

    @Test
    void afterARestart_theAuditTabListsTheFirstRunsCalls() throws Exception {
        String id = FinishFixture.createKey(app, "alias/first-run");
        app.stop();

        app.start(data);
        app.openKeyLab();
        app.until(() -> app.app().keyLab().engine() != null);
        app.clickOn("#keylab-tab-audit");
        app.waitFor("#audit-table");
        TableView<AuditEvent> audit = app.find("#audit-table");
        app.until(() -> audit.getItems().stream().anyMatch(e -> e.eventName().equals("CreateAlias")
                && e.requestParameters().toString().contains("alias/first-run")));
        assertThat(app.onFx(() -> audit.getItems().stream().filter(e -> e.eventName().equals("CreateKey"))
                .map(AuditEvent::keyArn).toList())).singleElement().asString().endsWith(id);
    }
}
