package dev.kmslab.ui.keylab.playground;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Key/value rows for an encryption context, with add and remove. */
final class ContextEditor extends VBox {

    private final ObservableList<ContextEntry> entries;
    private final VBox rows = new VBox(4);

    ContextEditor(ObservableList<ContextEntry> entries, Runnable addRow) {
        this.entries = entries;
        setId("pg-context");
        setSpacing(6);
        Button add = new Button("Add pair", new FontIcon(Feather.PLUS));
        add.setId("pg-context-add");
        add.setOnAction(e -> addRow.run());
        entries.addListener((ListChangeListener<ContextEntry>) c -> rebuild());
        rebuild();
        getChildren().addAll(rows, add);
    }

    private void rebuild() {
        rows.getChildren().clear();
        if (entries.isEmpty()) {
            Label none = new Label("No encryption context: anyone with Decrypt permission and the blob can decrypt.");
            none.getStyleClass().add("muted");
            none.setWrapText(true);
            rows.getChildren().add(none);
        }
        for (int i = 0; i < entries.size(); i++) {
            ContextEntry entry = entries.get(i);
            TextField key = new TextField();
            key.setId("pg-context-key-" + i);
            key.setPromptText("key");
            key.textProperty().bindBidirectional(entry.keyProperty());
            TextField value = new TextField();
            value.setId("pg-context-value-" + i);
            value.setPromptText("value");
            value.textProperty().bindBidirectional(entry.valueProperty());
            Button remove = new Button(null, new FontIcon(Feather.X));
            remove.getStyleClass().addAll("flat", "button-icon");
            remove.setTooltip(new Tooltip("Remove this pair"));
            remove.setAccessibleText("Remove the pair " + (entry.keyProperty().get().isEmpty() ? "" : entry
                    .keyProperty().get()));
            remove.setOnAction(e -> entries.remove(entry));
            HBox row = new HBox(6, key, new Label("="), value, remove);
            row.setAlignment(Pos.CENTER_LEFT);
            rows.getChildren().add(row);
        }
    }
}
