package dev.kmslab.ui.keylab.asymmetric;

import static dev.kmslab.ui.keylab.common.Widgets.section;

import dev.kmslab.ui.keylab.common.Widgets;
import dev.kmslab.ui.keylab.importing.ImportWizardDialog;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * The "Asymmetric &amp; HMAC" tab: pick an asymmetric or HMAC key and the sections its usage allows appear; data key
 * pairs (under a symmetric key) are always at the end. The import wizard opens from the toolbar.
 */
public final class AsymmetricView extends BorderPane {

    public AsymmetricView(AsymmetricViewModel model) {
        setId("asym-view");
        getStyleClass().add("lab-tab");
        setTop(toolbar(model));
        Label none = Widgets.help("No asymmetric or HMAC key yet. Create one on the Keys tab (for example "
                + "ECC_NIST_P256 for SIGN_VERIFY, RSA_2048 for ENCRYPT_DECRYPT, HMAC_256) and it appears here.");
        none.setId("asym-none");
        none.visibleProperty().bind(Bindings.isEmpty(model.keys()));
        none.managedProperty().bind(none.visibleProperty());
        VBox page = new VBox(none,
                section("asym-sign", "Sign and verify", model.signingKey(), new SignVerifyPane(model.signVerify())),
                section("asym-rsa", "Encrypt and decrypt with RSA-OAEP", model.rsaEncryptionKey(),
                        new RsaCryptoPane(model.rsa())),
                section("asym-mac", "GenerateMac and VerifyMac", model.macKey(), new MacPane(model.mac())),
                section("asym-ecdh", "DeriveSharedSecret (ECDH)", model.agreementKey(),
                        new SharedSecretPane(model.sharedSecret())),
                section("asym-public", "Public key", model.hasPublicKey(), new PublicKeyPane(model.publicKey())),
                section("asym-dkp", "Data key pairs", null, new DataKeyPairPane(model.dataKeyPairs())));
        page.getStyleClass().addAll("lab-page", "asym-page");
        ScrollPane scroll = new ScrollPane(page);
        scroll.setId("asym-scroll");
        scroll.setFitToWidth(true);
        setCenter(scroll);
    }

    private HBox toolbar(AsymmetricViewModel model) {
        ComboBox<AsymKey> key = new ComboBox<>(model.keys());
        key.setId("asym-key");
        key.setPrefWidth(420);
        key.setMinWidth(260);
        key.valueProperty().bindBidirectional(model.selectedProperty());
        Label summary = new Label();
        summary.setId("asym-key-summary");
        summary.getStyleClass().add("muted");
        summary.textProperty().bind(Bindings.createStringBinding(() -> {
            AsymKey k = model.selectedProperty().get();
            return k == null ? "" : k.keyId() + " · " + k.state();
        }, model.selectedProperty()));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button importWizard = Widgets.button("asym-import", "Import key material…", Feather.UPLOAD,
                () -> ImportWizardDialog.show(this, model.session(), null));
        // The key label and the button keep their text; the summary gives way in narrow windows.
        importWizard.setMinWidth(Region.USE_PREF_SIZE);
        Label keyLabel = new Label("Key");
        keyLabel.setMinWidth(Region.USE_PREF_SIZE);
        summary.setMinWidth(0);
        HBox bar = new HBox(8, keyLabel, key, summary, gap, importWizard);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("lab-toolbar");
        return bar;
    }
}
