package dev.kmslab.ui.keylab.policies;

import dev.kmslab.ui.keylab.keys.KeyRow;
import dev.kmslab.ui.keylab.keys.KeysViewModel;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;

/** "Key: [chooser]" following the key selected on any Key Lab tab; choosing here selects it everywhere. */
public final class KeyPicker extends HBox {

    public KeyPicker(String id, KeysViewModel keys) {
        super(8);
        setAlignment(Pos.CENTER_LEFT);
        ComboBox<KeyRow> picker = new ComboBox<>(keys.rows());
        picker.setId(id);
        picker.setPromptText("Choose a key");
        picker.setPrefWidth(340);
        picker.setCellFactory(l -> cell());
        picker.setButtonCell(cell());
        picker.setOnAction(e -> {
            if (picker.getValue() != null && picker.getValue() != keys.selectedProperty().get()) {
                keys.select(picker.getValue());
            }
        });
        keys.selectedProperty().addListener((obs, was, now) -> {
            picker.setValue(now);
            // A key that vanished (deleted, or moved time past its deletion) says so instead of leaving a blank.
            picker.setPromptText(now == null && was != null && keys.row(was.keyId()) == null
                    ? was.displayName() + " no longer exists: choose a key" : "Choose a key");
        });
        picker.setValue(keys.selectedProperty().get());
        // Every action reloads the key list (Save runs PutKeyPolicy, for one); the chosen key stays chosen.
        dev.kmslab.ui.common.KeepSelection.inComboBox(picker, keys.selectedProperty()::get);
        Label label = new Label("Key");
        label.setMinWidth(USE_PREF_SIZE);
        getChildren().addAll(label, picker);
    }

    private static ListCell<KeyRow> cell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(KeyRow item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.aliases().isEmpty() ? item.keyId()
                        : item.displayName() + "  (" + item.keyId().substring(0, 8) + "…)");
            }
        };
    }
}
