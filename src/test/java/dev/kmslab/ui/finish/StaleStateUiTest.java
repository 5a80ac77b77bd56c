package dev.kmslab.ui.finish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.engine.CallerContext;
import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.audit.AuditEvent;
import dev.kmslab.engine.model.ScheduleKeyDeletionRequest;
import dev.kmslab.ui.KeyLabUiFixture;
import dev.kmslab.ui.UiTests;
import dev.kmslab.ui.keylab.common.ErrorBox;
import java.time.Duration;
import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/** Messages, blobs and lists follow what the lab holds now, not what it held before an action. */
@ResourceLock(UiTests.JAVAFX)
class StaleStateUiTest extends KeyLabUiFixture {

    private void deleteNow(String id) {
        KmsEngine engine = session().engine();
        engine.scheduleKeyDeletion(CallerContext.root(engine.account()), new ScheduleKeyDeletionRequest(id, 7));
        engine.advanceClock(Duration.ofDays(8));
        app.interact(() -> session().changed());
    }

    @Test
    void deletionScheduledMessage_clearsOnceTheKeyIsGone() throws Exception {
        String id = FinishFixture.createKey(app, "alias/doomed");
        app.interact(() -> session().selectedKeyIdProperty().set(id));
        app.waitFor("#key-schedule-deletion");
        app.scrollIntoView("#key-schedule-deletion");
        app.clickOn("#key-schedule-deletion");
        app.waitFor("#confirm-ok");
        app.clickOn("#confirm-ok");
        Label status = app.find("#keys-status");
        app.until(() -> status.getText().contains("you can cancel it"));
        app.clickOn("#clock-plus-month");
        app.clickOn("#clock-plus-day");
        TableView<?> table = app.find("#keys-table");
        app.until(() -> table.getItems().isEmpty());
        assertThat(status.getText()).doesNotContain("cancel");
    }

    @Test
    void playground_dropsADeletedKeysBlobAndError() throws Exception {
        String id = FinishFixture.createKey(app, "alias/doomed");
        app.interact(() -> session().selectedKeyIdProperty().set(id));
        tab("keylab-tab-playground", "#playground-view");
        ComboBox<String> key = app.find("#pg-key");
        app.until(() -> "alias/doomed".equals(key.getValue()));
        app.clickOn("#pg-encrypt");
        app.until(() -> app.lookup("#pg-bytes .blob-byte").queryAll().size() > 70);
        KmsEngine engine = session().engine();
        engine.scheduleKeyDeletion(CallerContext.root(engine.account()), new ScheduleKeyDeletionRequest(id, 7));
        app.clickOn("#pg-encrypt");
        ErrorBox error = app.find("#pg-error");
        app.until(() -> error.isVisible() && error.headlineText().startsWith("KMSInvalidStateException"));

        engine.advanceClock(Duration.ofDays(8));
        app.interact(() -> session().changed());
        app.until(() -> !key.getItems().contains("alias/doomed"));
        app.until(() -> app.lookup("#pg-bytes .blob-byte").queryAll().isEmpty());
        assertThat(error.isVisible()).isFalse();
        assertThat(key.getValue()).isNotEqualTo("alias/doomed");
        assertThat(((Label) app.find("#pg-status")).getText()).contains("deleted");
    }

    @Test
    void backToRealTime_explainsThatKeysDeletedInTheSimulatedFutureStayDeleted() throws Exception {
        String id = FinishFixture.createKey(app, "alias/doomed");
        KmsEngine engine = session().engine();
        engine.scheduleKeyDeletion(CallerContext.root(engine.account()), new ScheduleKeyDeletionRequest(id, 7));
        app.clickOn("#clock-plus-month");
        Label last = app.find("#clock-last-change");
        app.until(() -> last.getText().contains("deletion of key"));
        app.clickOn("#clock-real-time");
        app.until(() -> last.getText().startsWith("Back to real time"));
        assertThat(last.getText()).contains("deleted while the clock was ahead").contains(id.substring(0, 8));
    }

    @Test
    void auditLog_isOrderedBySimulatedTime_andMarksTheJump() throws Exception {
        FinishFixture.createKey(app, "alias/first");
        app.clickOn("#clock-plus-year");
        Label last = app.find("#clock-last-change");
        app.until(() -> last.getText().startsWith("Moved 365 days"));
        FinishFixture.createKey(app, "alias/future");
        app.clickOn("#clock-real-time");
        app.until(() -> last.getText().startsWith("Back to real time"));
        FinishFixture.createKey(app, "alias/present");
        tab("keylab-tab-audit", "#audit-view");
        TableView<AuditEvent> audit = app.find("#audit-table");
        app.until(() -> audit.getItems().stream().filter(e -> e.eventName().equals("CreateKey")).count() == 3);
        List<AuditEvent> rows = audit.getItems();
        for (int i = 1; i < rows.size(); i++) {
            assertThat(rows.get(i).eventTime()).isBeforeOrEqualTo(rows.get(i - 1).eventTime());
        }
        assertThat(app.lookup(".audit-time-jump").queryAll()).isNotEmpty();
        TableRow<?> jump = (TableRow<?>) app.lookup(".audit-time-jump").queryAll().iterator().next();
        assertThat(jump.getAccessibleHelp()).contains("moved forward");
    }
}
