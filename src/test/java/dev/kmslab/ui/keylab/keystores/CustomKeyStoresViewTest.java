package dev.kmslab.ui.keylab.keystores;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.engine.EngineConfig;
import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.cks.FakeHsm;
import dev.kmslab.ui.UiTests;
import dev.kmslab.ui.common.UiExecutor;
import dev.kmslab.ui.keylab.common.KeyLabSession;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The Custom key stores tab on its own, headless, over simulated tokens: create, connect, disconnect. */
@ResourceLock(UiTests.JAVAFX)
class CustomKeyStoresViewTest extends FxRobot {

    private KeyLabSession session;

    @BeforeEach
    void show() throws Exception {
        KmsEngine engine = KmsEngine.open(EngineConfig.defaults(), new FakeHsm(FakeHsm.DEMO_PIN));
        session = KeyLabSession.of(engine, UiExecutor.synchronous());
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupSceneRoot(() -> {
            CustomKeyStoresView view = new CustomKeyStoresView(new CustomKeyStoresViewModel(session,
                    Optional.of(Path.of("/usr/lib/softhsm/libsofthsm2.so"))));
            // The headless screen is small: a window larger than it overflows Monocle's frame buffer.
            view.setPrefSize(900, 600);
            view.setMaxSize(900, 600);
            return view;
        });
        FxToolkit.setupStage(stage -> {
            stage.setWidth(900);
            stage.setHeight(600);
        });
        FxToolkit.showStage();
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void hide() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void createConnectAndDisconnect_showTheStateChip_andThePinFieldIsEmptiedAfterCreate() {
        Button create = lookup("#cks-create").queryButton();
        assertThat(create.isDisabled()).isTrue();
        clickOn("#cks-name").write("lab-hsm");
        clickOn("#cks-slot").write("kmslab");
        clickOn("#cks-pin").write(FakeHsm.DEMO_PIN);
        assertThat(create.isDisabled()).isFalse();

        clickOn("#cks-create");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(lookup("#cks-pin").queryAs(PasswordField.class).getText()).isEmpty();
        ListView<?> list = lookup("#cks-list").queryAs(ListView.class);
        assertThat(list.getItems()).hasSize(1);
        assertThat(chip().getText()).isEqualTo("DISCONNECTED");
        assertThat(lookup("#cks-connect").queryButton().isDisabled()).isTrue();

        interact(() -> list.getSelectionModel().select(0));
        clickOn("#cks-connect");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(chip().getText()).isEqualTo("CONNECTED");
        assertThat(lookup("#cks-status").queryAs(Label.class).getText()).isEqualTo("Connected lab-hsm.");

        interact(() -> list.getSelectionModel().select(0));
        clickOn("#cks-disconnect");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(chip().getText()).isEqualTo("DISCONNECTED");
    }

    private Label chip() {
        return lookup("#cks-list .chip").queryAs(Label.class);
    }
}
