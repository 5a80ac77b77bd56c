package dev.kmslab.ui;

import dev.kmslab.engine.CallerContext;
import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.model.CreateAliasRequest;
import dev.kmslab.engine.model.CreateKeyRequest;
import dev.kmslab.engine.model.KeySpec;
import dev.kmslab.engine.model.KeyUsage;
import dev.kmslab.ui.keylab.asymmetric.AsymKey;
import javafx.animation.PauseTransition;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;

/** The screenshot tour's steps for the "Asymmetric & HMAC" tab and the import wizard. */
final class AsymmetricTour {

    private AsymmetricTour() {
    }

    /** A signing key and an HMAC key, so the tab has something to show; the signer comes first in the picker. */
    static void seed(KmsEngine engine) {
        CallerContext root = CallerContext.root(engine.account());
        String signer = engine.createKey(root, new CreateKeyRequest("Signs release manifests", KeyUsage.SIGN_VERIFY,
                KeySpec.ECC_NIST_P256, null, null)).keyMetadata().keyId();
        engine.createAlias(root, new CreateAliasRequest("alias/release-signer", signer));
        String mac = engine.createKey(root, new CreateKeyRequest("Session tokens", KeyUsage.GENERATE_VERIFY_MAC,
                KeySpec.HMAC_256, null, null)).keyMetadata().keyId();
        engine.createAlias(root, new CreateAliasRequest("alias/session-mac", mac));
    }

    /** Picks the signer, signs as a DIGEST, then verifies offline with the public key. */
    @SuppressWarnings("unchecked")
    static void signAndVerify(Stage stage) {
        stage.getScene().getRoot().applyCss();
        var picker = (javafx.scene.control.ComboBox<AsymKey>) stage.getScene().lookup("#asym-key");
        // The key list arrives from a worker thread.
        when(() -> picker.getItems().stream().anyMatch(k -> k.alias().equals("alias/release-signer")), () -> {
            picker.getItems().stream().filter(k -> k.alias().equals("alias/release-signer")).findFirst()
                    .ifPresent(picker::setValue);
            var type = (javafx.scene.control.ComboBox<dev.kmslab.engine.model.MessageType>) stage.getScene()
                    .lookup("#sv-message-type");
            type.setValue(dev.kmslab.engine.model.MessageType.DIGEST);
            fire(stage.getScene(), "#sv-sign");
            when(() -> !((javafx.scene.control.TextArea) stage.getScene().lookup("#sv-signature")).getText()
                    .isEmpty(), () -> fire(stage.getScene(), "#sv-verify-offline"));
        });
    }

    /** Opens the wizard and goes as far as wrapping freshly generated key material. */
    static void openWizard(Stage stage) {
        when(() -> stage.getScene().lookup("#asym-import") != null, () -> fire(stage.getScene(), "#asym-import"));
        when(() -> findWizard().isPresent(), () -> {
            Scene wizard = wizardScene();
            fire(wizard, "#wizard-create-key");
            when(() -> text(wizard, "#wizard-key-state").equals("PendingImport"), () -> {
                fire(wizard, "#wizard-get-parameters");
                when(() -> !text(wizard, "#wizard-token-expiry").isEmpty(), () -> {
                    fire(wizard, "#wizard-next");
                    fire(wizard, "#wizard-generate");
                    fire(wizard, "#wizard-wrap");
                });
            });
        });
    }

    static Scene wizardScene() {
        return findWizard().orElseThrow();
    }

    private static java.util.Optional<Scene> findWizard() {
        return Window.getWindows().stream().filter(Window::isShowing).map(Window::getScene)
                .filter(s -> s != null && s.getRoot() != null && "import-wizard".equals(s.getRoot().getId()))
                .findFirst();
    }

    private static void fire(Scene scene, String query) {
        scene.getRoot().applyCss();
        ((javafx.scene.control.ButtonBase) scene.lookup(query)).fire();
    }

    private static String text(Scene scene, String query) {
        return ((javafx.scene.control.Labeled) scene.lookup(query)).getText();
    }

    /** Runs {@code action} once {@code ready} holds, checking every 100 ms (engine calls answer from workers). */
    private static void when(java.util.function.BooleanSupplier ready, Runnable action) {
        if (ready.getAsBoolean()) {
            action.run();
        } else {
            later(100, () -> when(ready, action));
        }
    }

    private static void later(int millis, Runnable action) {
        PauseTransition wait = new PauseTransition(Duration.millis(millis));
        wait.setOnFinished(e -> action.run());
        wait.play();
    }
}
