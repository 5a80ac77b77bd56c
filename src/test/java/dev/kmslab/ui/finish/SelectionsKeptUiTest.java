package dev.kmslab.ui.finish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.engine.CallerContext;
import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.model.ScheduleKeyDeletionRequest;
import dev.kmslab.ui.AppDriver;
import dev.kmslab.ui.UiTests;
import dev.kmslab.ui.keylab.common.KeyLabSession;
import dev.kmslab.ui.keylab.actas.PrincipalChoice;
import dev.kmslab.ui.keylab.keys.KeyRow;
import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

/** Choosers keep what the learner chose across the refresh every action triggers. */
@ResourceLock(UiTests.JAVAFX)
class SelectionsKeptUiTest {

    @TempDir
    Path data;

    private final AppDriver app = new AppDriver();

    @BeforeEach
    void start() throws Exception {
        app.start(data);
        app.openKeyLab();
        app.until(() -> ((ComboBox<?>) app.find("#act-as")).getItems().size() >= 5);
    }

    @AfterEach
    void stop() throws Exception {
        app.stop();
    }

    private KeyLabSession session() {
        return app.app().keyLab();
    }

    private void tab(String id, String viewQuery) throws Exception {
        app.clickOn("#" + id);
        app.waitFor(viewQuery);
    }

    @Test
    void afterCreatingARole_actAsStillShowsThePrincipalItsDescriptionNames() throws Exception {
        ComboBox<PrincipalChoice> actAs = app.find("#act-as");
        app.until(() -> actAs.getValue() != null);
        PrincipalChoice before = actAs.getValue();
        tab("keylab-tab-policies", "#principals");
        app.scrollIntoView("#principal-name");
        app.interact(() -> ((TextField) app.find("#principal-name")).setText("Auditor"));
        app.clickOn("#principal-create");
        app.until(() -> actAs.getItems().stream().anyMatch(c -> c.arn().endsWith(":role/Auditor")));
        assertThat(actAs.getValue()).isEqualTo(before);
        assertThat(actAs.getSelectionModel().getSelectedItem()).isEqualTo(before);
        assertThat(((Label) app.find("#act-as-description")).getText()).isEqualTo(before.description());
    }

    @Test
    void afterSavingTheKeyPolicy_theKeyChooserStillShowsTheKey() throws Exception {
        String id = FinishFixture.createKey(app, "alias/orders");
        app.interact(() -> session().selectedKeyIdProperty().set(id));
        tab("keylab-tab-policies", "#policies-view");
        ComboBox<KeyRow> picker = app.find("#policy-key");
        app.until(() -> picker.getValue() != null && picker.getValue().keyId().equals(id));
        org.fxmisc.richtext.CodeArea editor = app.find("#policy-editor");
        app.until(() -> editor.getText().contains("Enable IAM User Permissions"));
        app.clickOn("#policy-save");
        Label status = app.find("#policy-status");
        app.until(() -> status.getText().startsWith("Saved with PutKeyPolicy"));
        app.until(() -> session().revisionProperty().get() > 0);
        assertThat(picker.getValue()).isNotNull();
        assertThat(picker.getValue().keyId()).isEqualTo(id);
        assertThat(picker.getSelectionModel().getSelectedItem()).isNotNull();
    }

    @Test
    void aKeyThatIsDeleted_leavesTheKeyChooserEmpty_andItSaysSo() throws Exception {
        String id = FinishFixture.createKey(app, "alias/short-lived");
        app.interact(() -> session().selectedKeyIdProperty().set(id));
        tab("keylab-tab-policies", "#policies-view");
        ComboBox<KeyRow> picker = app.find("#policy-key");
        app.until(() -> picker.getValue() != null);
        KmsEngine engine = session().engine();
        engine.scheduleKeyDeletion(CallerContext.root(engine.account()), new ScheduleKeyDeletionRequest(id, 7));
        engine.advanceClock(Duration.ofDays(8));
        app.interact(() -> session().changed());
        app.until(() -> picker.getItems().isEmpty());
        assertThat(picker.getValue()).isNull();
        assertThat(picker.getPromptText()).contains("no longer exists");
    }
}
