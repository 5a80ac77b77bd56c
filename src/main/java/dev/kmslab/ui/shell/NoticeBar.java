package dev.kmslab.ui.shell;

import dev.kmslab.ui.common.HoverTooltip;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The notices above the current section (a damaged file moved aside, a failed save), each dismissable. */
final class NoticeBar extends VBox {

    private final ObservableList<String> notices;

    NoticeBar(ObservableList<String> notices) {
        this.notices = notices;
        getStyleClass().add("notices");
        notices.addListener((ListChangeListener<String>) c -> show());
        show();
    }

    private void show() {
        getChildren().clear();
        for (String text : notices) {
            Label label = new Label(text, new FontIcon(Feather.ALERT_TRIANGLE));
            label.setWrapText(true);
            label.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(label, Priority.ALWAYS);
            Button dismiss = new Button(null, new FontIcon(Feather.X));
            dismiss.getStyleClass().addAll("flat", "button-icon");
            HoverTooltip.install(dismiss, "Dismiss");
            // Icon only: what a screen reader announces.
            dismiss.setAccessibleText("Dismiss this notice");
            dismiss.setOnAction(e -> notices.remove(text));
            HBox row = new HBox(label, dismiss);
            row.getStyleClass().add("notice");
            row.setAlignment(Pos.CENTER_LEFT);
            getChildren().add(row);
        }
        // Tests and styles tell an empty bar from one with notices by its id.
        setId(notices.isEmpty() ? "notices-empty" : "notices");
    }
}
