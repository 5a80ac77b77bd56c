package dev.kmslab.ui.keylab.asymmetric;

import static dev.kmslab.ui.keylab.common.Widgets.button;
import static dev.kmslab.ui.keylab.common.Widgets.help;
import static dev.kmslab.ui.keylab.common.Widgets.row;
import static dev.kmslab.ui.keylab.common.Widgets.value;

import dev.kmslab.ui.keylab.common.Widgets;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** DeriveSharedSecret against a peer key pair made on this machine. */
final class SharedSecretPane extends VBox {

    SharedSecretPane(SharedSecretModel model) {
        super(8);
        Label kms = value("ecdh-kms", model.kmsSideProperty());
        Label peer = value("ecdh-peer", model.peerSideProperty());
        kms.getStyleClass().add("mono-output");
        peer.getStyleClass().add("mono-output");
        getChildren().addAll(help("Generates a peer key pair here, sends its public key to DeriveSharedSecret, and "
                        + "derives the same secret locally from the peer's private key and the KMS public key."),
                row(button("ecdh-derive", "DeriveSharedSecret", Feather.SHUFFLE, model::derive)),
                row(new Label("KMS side"), kms), row(new Label("Peer side"), peer),
                Widgets.outcome("ecdh", model.outcome()));
    }
}
