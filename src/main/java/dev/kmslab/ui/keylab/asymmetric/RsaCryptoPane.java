package dev.kmslab.ui.keylab.asymmetric;

import static dev.kmslab.ui.keylab.common.Widgets.button;
import static dev.kmslab.ui.keylab.common.Widgets.output;
import static dev.kmslab.ui.keylab.common.Widgets.row;
import static dev.kmslab.ui.keylab.common.Widgets.value;

import dev.kmslab.engine.model.EncryptionAlgorithmSpec;
import dev.kmslab.ui.keylab.common.Widgets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** RSA Encrypt/Decrypt with OAEP, the plaintext limit shown before the call. */
final class RsaCryptoPane extends VBox {

    RsaCryptoPane(RsaCryptoModel model) {
        super(8);
        ComboBox<EncryptionAlgorithmSpec> algorithm = new ComboBox<>(model.algorithms());
        algorithm.setId("rsa-algorithm");
        algorithm.valueProperty().bindBidirectional(model.algorithmProperty());
        TextField plaintext = new TextField();
        plaintext.setId("rsa-plaintext");
        plaintext.textProperty().bindBidirectional(model.plaintextProperty());
        HBox.setHgrow(plaintext, Priority.ALWAYS);
        Label limit = value("rsa-limit", model.limitTextProperty());
        limit.getStyleClass().add("muted");
        Button encrypt = button("rsa-encrypt", "Encrypt", Feather.LOCK, model::encrypt);
        Button decrypt = button("rsa-decrypt", "Decrypt", Feather.UNLOCK, model::decrypt);
        decrypt.disableProperty().bind(model.ciphertextProperty().isNull());
        Label decrypted = value("rsa-decrypted", model.decryptedProperty());
        getChildren().addAll(row(new Label("Algorithm"), algorithm), row(new Label("Plaintext"), plaintext), limit,
                row(encrypt, decrypt), new Label("Ciphertext (Base64)"),
                output("rsa-ciphertext", model.ciphertextTextProperty(), 3), decrypted,
                Widgets.outcome("rsa", model.outcome()));
    }
}
