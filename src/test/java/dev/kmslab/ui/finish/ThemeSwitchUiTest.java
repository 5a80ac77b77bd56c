package dev.kmslab.ui.finish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.ui.AppDriver;
import dev.kmslab.ui.UiTests;
import java.nio.file.Path;
import javafx.application.Application;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Switching between the light and dark theme restyles every screen built so far. A rule whose value JavaFX cannot
 * convert (it logs a ClassCastException and keeps the old value) shows as a wrong border or colour after the switch;
 * this test fails on any such warning.
 */
@ResourceLock(UiTests.JAVAFX)
class ThemeSwitchUiTest {

    @TempDir
    Path data;

    private final AppDriver app = new AppDriver();
    private CssLog log;

    @BeforeEach
    void start() throws Exception {
        log = CssLog.attach();
        app.start(data);
    }

    @AfterEach
    void stop() throws Exception {
        log.close();
        app.stop();
    }

    @Test
    void switchingThemeRepeatedly_onEveryScreen_logsNoCssWarning() throws Exception {
        String[][] sections = {
            {"overview", "#concept-cards"}, {"services", "#service-map"}, {"checklists", "#checklist-view"},
            {"keylab", "#keys-view"}, {"flows", "#flows-catalogue"}, {"quiz", "#quiz-view"}, {"labs", "#labs-view"},
            {"study", "#study"}, {"start", "#start-here"},
        };
        String before = Application.getUserAgentStylesheet();
        for (String[] section : sections) {
            app.navigate(section[0], section[1]);
            for (int i = 0; i < 4; i++) {
                app.clickOn("#theme-switch");
                WaitForAsyncUtils.waitForFxEvents();
                app.interact(() -> app.find("#main-view").getScene().getRoot().applyCss());
            }
        }
        assertThat(log.messages()).as("CSS warnings while switching theme").isEmpty();
        // An even number of switches: back where it started, and the switch says so.
        assertThat(Application.getUserAgentStylesheet()).isEqualTo(before);
    }
}
