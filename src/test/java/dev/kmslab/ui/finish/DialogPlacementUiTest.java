package dev.kmslab.ui.finish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kmslab.ui.AppDriver;
import dev.kmslab.ui.UiTests;
import dev.kmslab.ui.keylab.importing.ImportWizardDialog;
import java.nio.file.Path;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.testfx.util.WaitForAsyncUtils;

/** Dialogs open centred on the main window and never taller than it, on a 1024x640 laptop window. */
@ResourceLock(UiTests.JAVAFX)
class DialogPlacementUiTest {

    @TempDir
    Path data;

    private final AppDriver app = new AppDriver();

    @BeforeEach
    void start() throws Exception {
        app.start(data);
        app.openKeyLab();
        FinishFixture.resize(app, 1024, 640);
    }

    @AfterEach
    void stop() throws Exception {
        app.stop();
    }

    private void assertCentredInside(Window dialog) {
        Stage main = FinishFixture.mainWindow(app);
        assertThat(dialog.getHeight()).isLessThanOrEqualTo(main.getHeight());
        assertThat(dialog.getWidth()).isLessThanOrEqualTo(main.getWidth());
        assertThat(dialog.getX()).isGreaterThanOrEqualTo(main.getX());
        assertThat(dialog.getX() + dialog.getWidth()).isLessThanOrEqualTo(main.getX() + main.getWidth());
        assertThat(dialog.getX() + dialog.getWidth() / 2).isCloseTo(main.getX() + main.getWidth() / 2, within(2.0));
        assertThat(dialog.getY() + dialog.getHeight() / 2).isCloseTo(main.getY() + main.getHeight() / 2,
                within(2.0));
    }

    @Test
    void createKeyDialog_isNoTallerThanTheWindow_andCentredOnIt() throws Exception {
        app.clickOn("#create-key");
        app.waitFor("#new-key-alias");
        WaitForAsyncUtils.waitForFxEvents();
        assertCentredInside(FinishFixture.windowOf(app, "#new-key-alias"));
        // The buttons stay on screen: the form scrolls instead.
        assertThat(FinishFixture.onScreen(app.find("#create-key-ok")).getMaxY())
                .isLessThanOrEqualTo(FinishFixture.mainWindow(app).getHeight());
    }

    @Test
    void scheduleDeletionConfirmation_opensCentredOnTheWindow_withCancelOnScreen() throws Exception {
        String id = FinishFixture.createKey(app, "alias/doomed");
        app.interact(() -> app.app().keyLab().selectedKeyIdProperty().set(id));
        app.waitFor("#key-schedule-deletion");
        app.scrollIntoView("#key-schedule-deletion");
        app.clickOn("#key-schedule-deletion");
        app.waitFor("#confirm-ok");
        WaitForAsyncUtils.waitForFxEvents();
        assertCentredInside(FinishFixture.windowOf(app, "#confirm-ok"));
    }

    @Test
    void importWizard_isCentredOnTheWindow_fitsIt_andDrawsItsEdge() throws Exception {
        Stage[] wizard = new Stage[1];
        app.interact(() -> wizard[0] = ImportWizardDialog.show(app.find("#keys-view"), app.app().keyLab(), null));
        WaitForAsyncUtils.waitForFxEvents();
        assertCentredInside(wizard[0]);
        assertThat(wizard[0].getScene().getRoot().getStyleClass()).contains("tool-window");
        app.interact(wizard[0]::close);
    }
}
