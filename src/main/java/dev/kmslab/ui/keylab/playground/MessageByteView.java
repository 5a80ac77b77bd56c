package dev.kmslab.ui.keylab.playground;

import dev.kmslab.engine.esdk.MessageLayout;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/**
 * An encrypted file field by field: each part of the message (header, each encrypted data key, header
 * authentication, frames, footer) with its fields' names, values, sizes and first bytes in hex, coloured by what they
 * are; hovering a field explains it.
 */
final class MessageByteView extends VBox {

    MessageByteView() {
        super(6);
        setId("pg-message-view");
        getStyleClass().add("blob-view");
    }

    void show(MessageLayout layout) {
        getChildren().clear();
        if (layout == null) {
            return;
        }
        Label title = new Label(layout.format().label() + " · " + layout.size() + " bytes"
                + (layout.frames() > 0 ? " · " + layout.frames() + " frames" : ""));
        title.setId("pg-message-title");
        title.getStyleClass().add("section-heading");
        getChildren().add(title);
        String part = null;
        FlowPane row = null;
        for (MessageLayout.Field f : layout.fields()) {
            if (!f.part().equals(part)) {
                part = f.part();
                Label heading = new Label(part);
                heading.getStyleClass().add("msg-part");
                row = new FlowPane(6, 4);
                row.getStyleClass().add("blob-bytes");
                getChildren().addAll(heading, row);
            }
            row.getChildren().add(field(f));
        }
    }

    private static VBox field(MessageLayout.Field f) {
        Label name = new Label(f.name() + " · " + f.length() + (f.length() == 1 ? " byte" : " bytes")
                + (f.value().isEmpty() ? "" : " = " + shorten(f.value())));
        name.getStyleClass().add("msg-field-name");
        Label bytes = new Label(f.hex().isEmpty() ? "" : spaced(f.hex()));
        bytes.getStyleClass().add("msg-field-bytes");
        bytes.setWrapText(true);
        bytes.setMaxWidth(420);
        VBox box = new VBox(2, name, bytes);
        box.getStyleClass().addAll("msg-field", styleOf(f.kind()));
        Tooltip tip = new Tooltip(f.part() + " · " + f.name() + "\nBytes " + f.offset() + "–"
                + (f.offset() + Math.max(f.length(), 1) - 1) + ". " + f.explanation()
                + (f.value().isEmpty() ? "" : "\nValue: " + f.value()));
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        tip.setShowDelay(javafx.util.Duration.millis(150));
        Tooltip.install(box, tip);
        return box;
    }

    static String styleOf(MessageLayout.Kind kind) {
        return "msg-" + kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String shorten(String value) {
        return value.length() > 72 ? value.substring(0, 69) + "…" : value;
    }

    /** Hex in groups of two digits. */
    private static String spaced(String hex) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 2) {
            out.append(hex, i, Math.min(i + 2, hex.length()));
            if (i + 2 < hex.length() && hex.charAt(i + 2) != '…') {
                out.append(' ');
            }
        }
        return out.toString();
    }
}
