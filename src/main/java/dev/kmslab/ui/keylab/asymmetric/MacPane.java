package dev.kmslab.ui.keylab.asymmetric;

import static dev.kmslab.ui.keylab.common.Widgets.button;
import static dev.kmslab.ui.keylab.common.Widgets.output;
import static dev.kmslab.ui.keylab.common.Widgets.row;

import dev.kmslab.ui.keylab.common.Widgets;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** GenerateMac / VerifyMac with tampering. */
final class MacPane extends VBox {

    MacPane(MacModel model) {
        super(8);
        Label algorithm = new Label();
        algorithm.setId("mac-algorithm");
        algorithm.textProperty().bind(Bindings.createStringBinding(() -> model.algorithmProperty().get() == null
                ? "" : "MAC algorithm " + model.algorithmProperty().get() + " (fixed by the key spec)",
                model.algorithmProperty()));
        TextField message = new TextField();
        message.setId("mac-message");
        message.textProperty().bindBidirectional(model.messageProperty());
        HBox.setHgrow(message, Priority.ALWAYS);
        Button generate = button("mac-generate", "GenerateMac", Feather.HASH, model::generate);
        generate.getStyleClass().add("accent");
        Button verify = button("mac-verify", "VerifyMac", Feather.CHECK_CIRCLE, model::verify);
        Button tamperMessage = button("mac-tamper-message", "Tamper message", Feather.ZAP, model::tamperMessage);
        Button tamperMac = button("mac-tamper-mac", "Tamper tag", Feather.ZAP, model::tamperMac);
        verify.disableProperty().bind(model.macProperty().isNull());
        tamperMac.disableProperty().bind(model.macProperty().isNull());
        getChildren().addAll(algorithm, row(new Label("Message"), message),
                row(generate, verify, Widgets.verdict("mac-verdict", model.verdictProperty())),
                row(new Label("Tag"), Widgets.encodingPicker("mac-encoding", model.encodingProperty())),
                output("mac-tag", model.macTextProperty(), 2), row(tamperMessage, tamperMac),
                Widgets.outcome("mac", model.outcome()));
    }
}
