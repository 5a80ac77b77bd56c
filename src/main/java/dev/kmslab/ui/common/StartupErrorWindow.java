package dev.kmslab.ui.common;

import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;

/**
 * The only window of a start that cannot go on (arguments: title, message): an error dialog, after which the process
 * ends. Used when KMS Lab already runs on the data folder and does not answer.
 */
public final class StartupErrorWindow extends Application {

    @Override
    public void start(Stage ignored) {
        List<String> args = getParameters().getRaw();
        Alert alert = new Alert(Alert.AlertType.ERROR, args.size() > 1 ? args.get(1) : "", ButtonType.CLOSE);
        alert.setTitle(args.isEmpty() ? "KMS Lab" : args.get(0));
        alert.setHeaderText(alert.getTitle());
        alert.showAndWait();
        Platform.exit();
    }
}
