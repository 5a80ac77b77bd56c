package dev.kmslab.ui.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.engine.KmsEngine;
import dev.kmslab.ui.UiTests;
import dev.kmslab.ui.common.ScriptedDialogs;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The endpoint panel's class tools, clicked: "For a class" before starting, then "Enrol a class…". */
@ResourceLock(UiTests.JAVAFX)
class ClassroomPaneUiTest extends FxRobot {

    @TempDir
    Path data;

    @TempDir
    Path work;

    private final KmsEngine engine = KmsEngine.inMemory();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private ClassroomViewModel model;

    @BeforeEach
    void show() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        model = new ClassroomViewModel(new EndpointViewModel(() -> engine, data, 0), dialogs);
        FxToolkit.setupStage(s -> {
            s.setScene(new Scene(new ClassroomPane(model), 360, 200));
            s.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.isShowing()).isTrue();
    }

    @AfterEach
    void hide() throws Exception {
        interact(() -> model.endpoint().stop());
        FxToolkit.cleanupStages();
    }

    private static boolean shown(javafx.scene.Node node) {
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void forAClass_thenEnrol_writesHandoutsAndSaysSo() throws Exception {
        Button enrol = lookup("#endpoint-enrol-class").queryButton();
        assertThat(shown(enrol)).isFalse();

        clickOn("#endpoint-class-mode");
        assertThat(lookup("#endpoint-class-mode").queryAs(CheckBox.class).isSelected()).isTrue();
        assertThat(model.endpoint().forClassProperty().get()).isTrue();

        interact(() -> assertThat(model.endpoint().start()).isTrue());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("#endpoint-class-mode").queryAs(CheckBox.class).isDisabled()).isTrue();
        assertThat(shown(enrol)).isTrue();
        assertThat(dialogs.messages()).singleElement().satisfies(m -> assertThat(m.copyable())
                .contains("NEW root access key"));

        Path roster = Files.writeString(work.resolve("roster.txt"), "alice\nbob\n");
        dialogs.willChoose(roster).willChoose(work.resolve("handouts"));
        clickOn("#endpoint-enrol-class");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(dialogs.messages()).last().satisfies(m -> assertThat(m.title()).isEqualTo("Class enrolled"));
        assertThat(work.resolve("handouts/alice.aws-config")).content().contains("endpoint_url = https://")
                .contains("ca_bundle = " + work.resolve("handouts/kmslab-ca.pem"));
        assertThat(work.resolve("handouts/bob.aws-config")).exists();
    }
}
