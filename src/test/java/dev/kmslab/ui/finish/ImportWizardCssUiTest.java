package dev.kmslab.ui.finish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.ui.AppDriver;
import dev.kmslab.ui.UiTests;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The key-material import wizard opens in a window of its own, with the theme and the Key Lab's stylesheet. Every rule
 * in it resolves there (a looked-up colour it cannot find is logged as a ClassCastException and drawn as nothing),
 * through every step and after switching the theme while it is open.
 */
@ResourceLock(UiTests.JAVAFX)
class ImportWizardCssUiTest {

    @TempDir
    Path data;

    private final AppDriver app = new AppDriver();
    private CssLog log;

    @BeforeEach
    void start() throws Exception {
        log = CssLog.attach();
        app.start(data);
        app.openKeyLab();
    }

    @AfterEach
    void stop() throws Exception {
        log.close();
        app.stop();
    }

    @Test
    void importWizard_throughItsStepsAndBothThemes_logsNoCssWarning() throws Exception {
        app.clickOn("#keylab-tab-asymmetric");
        app.waitFor("#asym-view");
        app.clickOn("#asym-import");
        app.waitFor("#import-wizard");
        app.clickOn("#wizard-create-key");
        app.until(() -> "PendingImport".equals(((Label) app.find("#wizard-key-state")).getText()));
        restyleWizard();

        app.clickOn("#wizard-get-parameters");
        app.until(() -> ((Label) app.find("#wizard-token-expiry")).getText().startsWith("Token and wrapping key"));
        app.clickOn("#wizard-next");
        restyleWizard();
        Node current = app.lookup(".wizard-step-current").query();
        assertThat(((Label) current).getText()).as("the highlighted step after Next").startsWith("2 ");

        atlantafx.base.controls.ToggleSwitch dark = app.find("#theme-switch");
        for (int i = 0; i < 2; i++) {
            app.interact(() -> dark.setSelected(!dark.isSelected()));
            restyleWizard();
        }
        assertThat(log.messages()).as("CSS warnings in the import wizard").isEmpty();
    }

    private void restyleWizard() {
        WaitForAsyncUtils.waitForFxEvents();
        app.interact(() -> app.find("#import-wizard").getScene().getRoot().applyCss());
        WaitForAsyncUtils.waitForFxEvents();
    }
}
