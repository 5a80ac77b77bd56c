package dev.kmslab.ui.keylab.playground;

import dev.kmslab.ui.keylab.common.ErrorBox;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Playground's "Would this be allowed?" row: pick a call, ask, read the answer (see the view model). */
final class WouldItBeAllowedPane extends VBox {

    WouldItBeAllowedPane(WouldItBeAllowedViewModel model) {
        super(8);
        setId("pg-dry-run");
        ComboBox<WouldItBeAllowedViewModel.Check> check = new ComboBox<>(
                FXCollections.observableArrayList(model.checks()));
        check.setId("pg-dry-run-operation");
        check.valueProperty().bindBidirectional(model.checkProperty());
        Button ask = new Button("Would this be allowed?", new FontIcon(Feather.HELP_CIRCLE));
        ask.setId("pg-dry-run-ask");
        ask.setOnAction(e -> model.ask());
        HBox row = new HBox(8, check, ask);
        row.setAlignment(Pos.CENTER_LEFT);
        Label help = new Label("Sends the call with DryRun as the principal you act as, with the key, context and "
                + "ciphertext above: every check is made, nothing is encrypted or changed.");
        help.getStyleClass().add("muted");
        help.setWrapText(true);
        Label answer = new Label();
        answer.setId("pg-dry-run-answer");
        answer.setWrapText(true);
        answer.textProperty().bind(model.answerProperty());
        model.verdictProperty().addListener((obs, was, now) -> {
            answer.getStyleClass().removeAll("dry-run-allowed", "dry-run-denied");
            if (now != null) {
                answer.getStyleClass().add(now == WouldItBeAllowedViewModel.Verdict.ALLOWED ? "dry-run-allowed"
                        : "dry-run-denied");
            }
        });
        getChildren().addAll(help, row, answer, new ErrorBox("pg-dry-run-reason", model.reasonProperty()));
    }
}
