package dev.kmslab.ui.finish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.engine.EngineConfig;
import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.cks.FakeHsm;
import dev.kmslab.ui.UiTests;
import dev.kmslab.ui.common.UiExecutor;
import dev.kmslab.ui.keylab.common.ErrorBox;
import dev.kmslab.ui.keylab.common.KeyLabSession;
import dev.kmslab.ui.keylab.keystores.CustomKeyStoresView;
import dev.kmslab.ui.keylab.keystores.CustomKeyStoresViewModel;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The Key stores tab keeps the store it acted on selected, and shows failed connections as errors. */
@ResourceLock(UiTests.JAVAFX)
class KeyStoreSelectionUiTest extends FxRobot {

    @BeforeEach
    void show() throws Exception {
        KmsEngine engine = KmsEngine.open(EngineConfig.defaults(), new FakeHsm(FakeHsm.DEMO_PIN));
        KeyLabSession session = KeyLabSession.of(engine, UiExecutor.synchronous());
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupSceneRoot(() -> {
            CustomKeyStoresView view = new CustomKeyStoresView(new CustomKeyStoresViewModel(session,
                    Optional.of(Path.of("/usr/lib/softhsm/libsofthsm2.so"))));
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

    private void createStore(String pin) {
        interact(() -> {
            lookup("#cks-name").queryAs(TextField.class).setText("lab-hsm");
            lookup("#cks-slot").queryAs(TextField.class).setText("kmslab");
            lookup("#cks-pin").queryAs(TextField.class).setText(pin);
        });
        clickOn("#cks-create");
        WaitForAsyncUtils.waitForFxEvents();
        ListView<?> list = lookup("#cks-list").queryAs(ListView.class);
        interact(() -> list.getSelectionModel().select(0));
    }

    @Test
    void afterConnect_theStoreStaysSelected_soDisconnectIsEnabled() {
        createStore(FakeHsm.DEMO_PIN);
        clickOn("#cks-connect");
        WaitForAsyncUtils.waitForFxEvents();
        ListView<?> list = lookup("#cks-list").queryAs(ListView.class);
        assertThat(list.getSelectionModel().getSelectedIndex()).isZero();
        assertThat(lookup("#cks-disconnect").queryButton().isDisabled()).isFalse();
    }

    @Test
    void aFailedConnect_isShownAsAnError_namingTheCauseFromItsCode() {
        createStore("9999");
        clickOn("#cks-connect");
        WaitForAsyncUtils.waitForFxEvents();
        ErrorBox error = lookup("#cks-error").queryAs(ErrorBox.class);
        assertThat(error.isVisible()).isTrue();
        assertThat(error.headlineText()).startsWith("INVALID_CREDENTIALS");
        assertThat(lookup("#cks-status").queryAs(Label.class).getText()).doesNotContain("Connected");
        // The store that failed stays selected, so Disconnect (the way out of FAILED) is one click away.
        assertThat(lookup("#cks-disconnect").queryButton().isDisabled()).isFalse();
    }

    @Test
    void createWithAnEmptyForm_isDisabled_andSaysWhy_andTheExamplesDoNotLookLikeValues() {
        Button create = lookup("#cks-create").queryButton();
        assertThat(create.isDisabled()).isTrue();
        Label why = lookup("#cks-create-why").queryAs(Label.class);
        assertThat(why.getText()).contains("name").contains("PIN");
        TextField slot = lookup("#cks-slot").queryAs(TextField.class);
        assertThat(slot.getPromptText()).startsWith("e.g. ");
        interact(() -> {
            lookup("#cks-name").queryAs(TextField.class).setText("lab-hsm");
            slot.setText("kmslab");
            lookup("#cks-pin").queryAs(TextField.class).setText("1234");
        });
        assertThat(create.isDisabled()).isFalse();
        assertThat(why.isVisible()).isFalse();
    }
}
