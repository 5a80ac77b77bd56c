package dev.kmslab.ui.keylab.common;

import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;

/** Asks before a destructive action; the action runs only on the explicit confirm button. */
public final class Confirm {

    private Confirm() {
    }

    /** Shows a non-blocking confirmation owned by {@code owner}'s window; the confirm button has id "confirm-ok". */
    public static void ask(Node owner, String title, String text, String confirmLabel, Runnable onConfirm) {
        ButtonType confirm = new ButtonType(confirmLabel, ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.WARNING, "", confirm, ButtonType.CANCEL);
        alert.setTitle(title);
        alert.setHeaderText(title);
        Label body = new Label(text);
        body.setWrapText(true);
        body.setMaxWidth(420);
        alert.getDialogPane().setContent(body);
        dev.kmslab.ui.common.DialogPlacement.prepare(alert, owner);
        ((Button) alert.getDialogPane().lookupButton(confirm)).setId("confirm-ok");
        // Cancel is the safe default: Enter must not delete a key.
        ((Button) alert.getDialogPane().lookupButton(confirm)).setDefaultButton(false);
        ((Button) alert.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        alert.resultProperty().addListener((obs, was, now) -> {
            if (now == confirm) {
                onConfirm.run();
            }
        });
        alert.show();
    }
}
