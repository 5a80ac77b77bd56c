package dev.kmslab.ui.keylab.common;

import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The small building blocks every section of the tab (and the import wizard) lays out with. */
public final class Widgets {

    private Widgets() {
    }

    public static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-heading");
        return l;
    }

    public static Label help(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("muted");
        l.setWrapText(true);
        return l;
    }

    /** A read-only, selectable, monospace text area bound to {@code text}. */
    public static TextArea output(String id, ObservableValue<String> text, int rows) {
        TextArea a = new TextArea();
        a.setId(id);
        a.setEditable(false);
        a.setWrapText(true);
        a.setPrefRowCount(rows);
        a.getStyleClass().add("mono-output");
        a.textProperty().bind(text);
        return a;
    }

    public static Label value(String id, ObservableValue<String> text) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.textProperty().bind(text);
        return l;
    }

    public static Button button(String id, String text, Feather icon, Runnable action) {
        Button b = new Button(text, new FontIcon(icon));
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    public static HBox row(Node... nodes) {
        HBox row = new HBox(8, nodes);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** The section's success line and error box, one under the other. */
    public static VBox outcome(String idPrefix, Outcome outcome) {
        Label status = new Label();
        status.setId(idPrefix + "-status");
        status.getStyleClass().add("lab-status");
        status.setWrapText(true);
        status.textProperty().bind(outcome.statusProperty());
        return new VBox(4, status, new ErrorBox(idPrefix + "-error", outcome.errorProperty()));
    }

    /** A verdict badge ("Valid …" green, "Invalid …" red), hidden while empty. */
    public static Label verdict(String id, ObservableValue<String> text) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("verdict");
        l.textProperty().bind(text);
        Runnable style = () -> {
            String t = l.getText() == null ? "" : l.getText();
            l.getStyleClass().removeAll("verdict-valid", "verdict-invalid");
            l.getStyleClass().add(t.startsWith("Valid") ? "verdict-valid" : "verdict-invalid");
            l.setVisible(!t.isEmpty());
        };
        l.textProperty().addListener((obs, was, now) -> style.run());
        style.run();
        return l;
    }

    public static ComboBox<ByteText.Encoding> encodingPicker(String id,
            javafx.beans.property.Property<ByteText.Encoding> encoding) {
        ComboBox<ByteText.Encoding> box = new ComboBox<>();
        box.getItems().setAll(ByteText.Encoding.values());
        box.setId(id);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(ByteText.Encoding e) {
                return e == null ? "" : e == ByteText.Encoding.HEX ? "Hex" : "Base64";
            }

            @Override
            public ByteText.Encoding fromString(String s) {
                return null;
            }
        });
        box.valueProperty().bindBidirectional(encoding);
        return box;
    }

    /** A section: a titled card whose visibility (and space) follows {@code shown}. */
    public static VBox section(String id, String title, ObservableValue<Boolean> shown, Node... content) {
        VBox box = new VBox(8);
        box.setId(id);
        box.getStyleClass().add("asym-section");
        box.getChildren().add(heading(title));
        box.getChildren().addAll(content);
        if (shown != null) {
            box.visibleProperty().bind(shown);
            box.managedProperty().bind(shown);
        }
        return box;
    }
}
