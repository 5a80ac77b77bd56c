package dev.kmslab.ui.keylab.asymmetric;

import static dev.kmslab.ui.keylab.common.Widgets.button;
import static dev.kmslab.ui.keylab.common.Widgets.help;
import static dev.kmslab.ui.keylab.common.Widgets.output;
import static dev.kmslab.ui.keylab.common.Widgets.row;
import static dev.kmslab.ui.keylab.common.Widgets.value;

import dev.kmslab.engine.model.MessageType;
import dev.kmslab.engine.model.SigningAlgorithmSpec;
import dev.kmslab.ui.keylab.common.Widgets;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** Sign and Verify: algorithm, RAW or DIGEST message, signature, tampering and the offline check. */
final class SignVerifyPane extends VBox {

    SignVerifyPane(SignVerifyModel model) {
        super(8);
        ComboBox<SigningAlgorithmSpec> algorithm = new ComboBox<>(model.algorithms());
        algorithm.setId("sv-algorithm");
        algorithm.valueProperty().bindBidirectional(model.algorithmProperty());
        ComboBox<MessageType> type = new ComboBox<>(model.messageTypes());
        type.setId("sv-message-type");
        type.valueProperty().bindBidirectional(model.messageTypeProperty());
        TextArea message = new TextArea();
        message.setId("sv-message");
        message.setPrefRowCount(2);
        message.setWrapText(true);
        message.textProperty().bindBidirectional(model.messageProperty());
        Label limit = value("sv-limit", model.limitTextProperty());
        limit.getStyleClass().add("muted");
        Label digest = value("sv-digest", model.digestTextProperty());
        digest.getStyleClass().add("mono-output");
        digest.visibleProperty().bind(model.messageTypeProperty().isEqualTo(MessageType.DIGEST));
        digest.managedProperty().bind(digest.visibleProperty());
        Button sign = button("sv-sign", "Sign", Feather.EDIT_3, model::sign);
        sign.getStyleClass().add("accent");
        Button verify = button("sv-verify", "Verify (KMS)", Feather.CHECK_CIRCLE, model::verify);
        Button offline = button("sv-verify-offline", "Verify offline", Feather.WIFI_OFF, model::verifyOffline);
        Button tamperMessage = button("sv-tamper-message", "Tamper message", Feather.ZAP, model::tamperMessage);
        Button tamperSignature = button("sv-tamper-signature", "Tamper signature", Feather.ZAP,
                model::tamperSignature);
        var noSignature = model.signatureProperty().isNull();
        verify.disableProperty().bind(noSignature);
        offline.disableProperty().bind(noSignature);
        tamperSignature.disableProperty().bind(noSignature);
        Label size = new Label();
        size.textProperty().bind(Bindings.createStringBinding(() -> model.signatureProperty().get() == null
                ? "Signature" : "Signature (" + model.signatureProperty().get().length + " bytes)",
                model.signatureProperty()));
        getChildren().addAll(
                row(new Label("Algorithm"), algorithm, new Label("Message type"), type),
                new Label("Message"), message, limit, digest,
                row(sign, verify, offline, Widgets.verdict("sv-verdict", model.verdictProperty())),
                row(size, Widgets.encodingPicker("sv-encoding", model.encodingProperty())),
                output("sv-signature", model.signatureTextProperty(), 3),
                row(tamperMessage, tamperSignature),
                help("Verify offline downloads the public key once (GetPublicKey) and checks the signature on this "
                        + "machine with JCA or Bouncy Castle, the way a partner outside AWS would."),
                Widgets.outcome("sv", model.outcome()));
    }
}
