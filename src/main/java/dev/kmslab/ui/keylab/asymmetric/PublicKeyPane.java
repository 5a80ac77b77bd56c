package dev.kmslab.ui.keylab.asymmetric;

import static dev.kmslab.ui.keylab.common.Widgets.button;
import static dev.kmslab.ui.keylab.common.Widgets.output;
import static dev.kmslab.ui.keylab.common.Widgets.row;
import static dev.kmslab.ui.keylab.common.Widgets.value;

import dev.kmslab.ui.keylab.common.Widgets;
import javafx.scene.control.Button;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** GetPublicKey: the PEM, its spec, usage and algorithms, Copy and Export. */
final class PublicKeyPane extends VBox {

    private final PublicKeyModel model;

    PublicKeyPane(PublicKeyModel model) {
        super(8);
        this.model = model;
        Button fetch = button("pk-get", "GetPublicKey", Feather.DOWNLOAD_CLOUD, model::fetch);
        Button copy = button("pk-copy", "Copy", Feather.COPY, this::copy);
        Button export = button("pk-export", "Export .pem…", Feather.SAVE, model::exportAs);
        copy.disableProperty().bind(model.pemProperty().isEmpty());
        export.disableProperty().bind(model.pemProperty().isEmpty());
        getChildren().addAll(row(fetch, copy, export), value("pk-details", model.detailsProperty()),
                output("pk-pem", model.pemProperty(), 6), Widgets.outcome("pk", model.outcome()));
    }

    private void copy() {
        ClipboardContent content = new ClipboardContent();
        content.putString(model.pemProperty().get());
        Clipboard.getSystemClipboard().setContent(content);
        model.outcome().done("Copied the PEM to the clipboard.");
    }
}
