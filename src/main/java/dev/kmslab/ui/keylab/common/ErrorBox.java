package dev.kmslab.ui.keylab.common;

import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** An inline error: the AWS error name and message, and a line on what it means. Hidden while there is none. */
public final class ErrorBox extends VBox {

    private final Label headline = new Label();
    private final Label meaning = new Label();

    public ErrorBox(String id, ObservableValue<LabError> error) {
        setId(id);
        getStyleClass().add("lab-error");
        headline.setGraphic(new FontIcon(Feather.ALERT_OCTAGON));
        headline.getStyleClass().add("lab-error-headline");
        headline.setWrapText(true);
        meaning.getStyleClass().add("lab-error-meaning");
        meaning.setWrapText(true);
        getChildren().addAll(headline, meaning);
        error.addListener((obs, was, now) -> show(now));
        show(error.getValue());
    }

    private void show(LabError e) {
        setVisible(e != null);
        setManaged(e != null);
        headline.setText(e == null ? "" : e.headline());
        meaning.setText(e == null ? "" : "What this means: " + e.meaning());
    }

    public String headlineText() {
        return headline.getText();
    }
}
