package dev.kmslab.ui.common;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * Real dialogs, owned by the window of {@code owner} and placed by {@link DialogPlacement} (centred on it, never
 * taller than it). The owner's window is looked up when a dialog opens, so the service can be built before the view
 * is on screen.
 */
public final class FxDialogService implements DialogService {

    /** Id of the confirm button, so UI tests can press it. */
    public static final String CONFIRM_ID = "confirm-ok";
    /** Id of the read-only text box of a message with copyable text. */
    public static final String COPYABLE_ID = "dialog-copyable";

    private final Node owner;

    public FxDialogService(Node owner) {
        this.owner = owner;
    }

    @Override
    public void confirm(Confirmation question, Runnable onConfirm) {
        ButtonType confirm = new ButtonType(question.confirmLabel(), ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.WARNING, "", confirm, ButtonType.CANCEL);
        alert.setTitle(question.title());
        alert.setHeaderText(question.title());
        alert.getDialogPane().setContent(body(question.text()));
        DialogPlacement.prepare(alert, owner);
        Button ok = (Button) alert.getDialogPane().lookupButton(confirm);
        ok.setId(CONFIRM_ID);
        // Cancel is the safe default: Enter must not delete a key.
        ok.setDefaultButton(false);
        ((Button) alert.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        alert.resultProperty().addListener((obs, was, now) -> {
            if (now == confirm) {
                onConfirm.run();
            }
        });
        alert.show();
    }

    @Override
    public void showInformation(Message message) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.setTitle(message.title());
        alert.setHeaderText(message.title());
        VBox content = new VBox(8, body(message.text()));
        if (!message.copyable().isEmpty()) {
            TextArea text = new TextArea(message.copyable());
            text.setId(COPYABLE_ID);
            text.setEditable(false);
            text.setPrefRowCount((int) message.copyable().lines().count());
            content.getChildren().add(text);
        }
        alert.getDialogPane().setContent(content);
        DialogPlacement.prepare(alert, owner);
        alert.show();
    }

    @Override
    public void showError(String title, String text) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.getDialogPane().setContent(body(text));
        DialogPlacement.prepare(alert, owner);
        alert.show();
    }

    @Override
    public Optional<Path> chooseFileToOpen(FileRequest request) {
        File file = chooser(request).showOpenDialog(window());
        return Optional.ofNullable(file).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseFileToSave(FileRequest request) {
        File file = chooser(request).showSaveDialog(window());
        return Optional.ofNullable(file).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseFolder(String title) {
        javafx.stage.DirectoryChooser chooser = new javafx.stage.DirectoryChooser();
        chooser.setTitle(title);
        File folder = chooser.showDialog(window());
        return Optional.ofNullable(folder).map(File::toPath);
    }

    private static FileChooser chooser(FileRequest request) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(request.title());
        if (!request.initialName().isEmpty()) {
            chooser.setInitialFileName(request.initialName());
        }
        for (FileType type : request.types()) {
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(type.description(), type.pattern()));
        }
        return chooser;
    }

    private javafx.stage.Window window() {
        return owner.getScene() == null ? null : owner.getScene().getWindow();
    }

    private static Label body(String text) {
        Label body = new Label(text);
        body.setWrapText(true);
        body.setMaxWidth(420);
        return body;
    }
}
