package dev.kmslab.ui.finish;

import dev.kmslab.engine.CallerContext;
import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.model.CreateAliasRequest;
import dev.kmslab.engine.model.CreateKeyRequest;
import dev.kmslab.ui.AppDriver;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.util.WaitForAsyncUtils;

/** Shared steps of the fit-and-finish UI tests: window sizes, keys made directly on the engine, clipping checks. */
final class FinishFixture {

    private FinishFixture() {
    }

    static Stage mainWindow(AppDriver app) {
        return (Stage) app.find("#main-view").getScene().getWindow();
    }

    /** Puts the main window at the top left corner of the screen with this size (a laptop, a projector). */
    static void resize(AppDriver app, double width, double height) {
        Stage stage = mainWindow(app);
        app.interact(() -> {
            stage.setMinWidth(0);
            stage.setMinHeight(0);
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(width);
            stage.setHeight(height);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Creates a symmetric key with an alias as the account root and tells the Key Lab screens to reload. */
    static String createKey(AppDriver app, String alias) {
        KmsEngine engine = app.app().keyLab().engine();
        CallerContext root = CallerContext.root(engine.account());
        String id = engine.createKey(root, new CreateKeyRequest("test key", null, null, null, null)).keyMetadata()
                .keyId();
        engine.createAlias(root, new CreateAliasRequest(alias, id));
        app.interact(() -> app.app().keyLab().changed());
        WaitForAsyncUtils.waitForFxEvents();
        return id;
    }

    static Window windowOf(AppDriver app, String query) {
        return app.find(query).getScene().getWindow();
    }

    /** The text a labeled control actually draws (its skin's Text), which ends in an ellipsis when it was cut. */
    static String shownText(Labeled labeled) {
        for (Node child : labeled.getChildrenUnmodifiable()) {
            // The skin's LabeledText; a FontIcon graphic is a Text too, and is skipped.
            if (child instanceof Text text && child.getClass().getSimpleName().equals("LabeledText")) {
                return text.getText();
            }
        }
        return labeled.getText();
    }

    static boolean isCut(Labeled labeled) {
        String shown = shownText(labeled);
        return labeled.getText() != null && !labeled.getText().isEmpty() && !shown.equals(labeled.getText());
    }

    static Bounds onScreen(Node node) {
        return node.localToScreen(node.getBoundsInLocal());
    }
}
