package dev.kmslab.ui.keylab.asymmetric;

import static dev.kmslab.ui.keylab.common.Widgets.button;
import static dev.kmslab.ui.keylab.common.Widgets.help;
import static dev.kmslab.ui.keylab.common.Widgets.output;
import static dev.kmslab.ui.keylab.common.Widgets.row;
import static dev.kmslab.ui.keylab.common.Widgets.value;

import dev.kmslab.engine.model.DataKeyPairSpec;
import dev.kmslab.ui.keylab.common.Widgets;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** GenerateDataKeyPair(WithoutPlaintext) under a symmetric key, then Decrypt of the encrypted private key. */
final class DataKeyPairPane extends VBox {

    DataKeyPairPane(DataKeyPairModel model) {
        super(8);
        ComboBox<AsymKey> key = new ComboBox<>(model.wrappingKeys());
        key.setId("dkp-key");
        // Wide enough for "alias · SYMMETRIC_DEFAULT · ENCRYPT_DECRYPT" at 100% zoom.
        // Its width is in keylab.css, in em, so the longest choice stays whole at 150% zoom.
        key.valueProperty().bindBidirectional(model.wrappingKeyProperty());
        key.setPromptText("Create a symmetric key first");
        ComboBox<DataKeyPairSpec> spec = new ComboBox<>(FXCollections.observableArrayList(DataKeyPairModel.SPECS));
        spec.setId("dkp-spec");
        spec.valueProperty().bindBidirectional(model.specProperty());
        CheckBox plain = new CheckBox("With the plaintext private key");
        plain.setId("dkp-with-plaintext");
        plain.selectedProperty().bindBidirectional(model.withPlaintextProperty());
        Button generate = button("dkp-generate", "Generate data key pair", Feather.KEY, model::generate);
        generate.getStyleClass().add("accent");
        Button decrypt = button("dkp-decrypt", "Decrypt the private key", Feather.UNLOCK, model::decryptPrivateKey);
        decrypt.disableProperty().bind(model.encryptedPrivateKeyProperty().isEmpty());
        GridPane outputs = new GridPane();
        outputs.getStyleClass().add("dkp-grid");
        outputs.addColumn(0, new VBox(4, new Label("Public key (PEM)"),
                output("dkp-public", model.publicKeyPemProperty(), 5)),
                new VBox(4, new Label("Plaintext private key (PKCS#8 PEM)"),
                        output("dkp-private", model.privateKeyPemProperty(), 5)));
        outputs.addColumn(1, new VBox(4, new Label("Encrypted private key (Base64)"),
                output("dkp-encrypted", model.encryptedPrivateKeyProperty(), 5)),
                new VBox(4, new Label("Decrypt result (PEM)"),
                        output("dkp-decrypted", model.decryptedPemProperty(), 5)));
        var half = new javafx.scene.layout.ColumnConstraints();
        half.setPercentWidth(50);
        outputs.getColumnConstraints().addAll(half, half);
        outputs.setHgap(12);
        outputs.setVgap(8);
        Label comparison = value("dkp-comparison", model.comparisonProperty());
        comparison.getStyleClass().add("lab-status");
        getChildren().addAll(help("The pair is made for use outside KMS (signing in your app, say); the symmetric "
                        + "key below only encrypts its private half."),
                row(fieldName("Symmetric key"), key), row(fieldName("Pair spec"), spec, plain),
                row(generate, decrypt), outputs, comparison, Widgets.outcome("dkp", model.outcome()));
    }

    // A field's name keeps its whole text; the chooser beside it gives up width (150% zoom).
    private static Label fieldName(String text) {
        Label name = new Label(text);
        name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return name;
    }
}
