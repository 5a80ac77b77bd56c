package dev.kmslab.ui.keylab.playground;

import dev.kmslab.ui.common.NumberSpinners;
import dev.kmslab.ui.keylab.common.ErrorBox;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Playground tab: text encryption with a look inside the blob, data keys, random bytes and file envelopes. */
public final class PlaygroundView extends BorderPane {

    private final PlaygroundViewModel model;
    private final FileEnvelopeViewModel files;

    private final WouldItBeAllowedViewModel dryRun;

    public PlaygroundView(PlaygroundViewModel model, FileEnvelopeViewModel files) {
        this(model, files, null);
    }

    public PlaygroundView(PlaygroundViewModel model, FileEnvelopeViewModel files, WouldItBeAllowedViewModel dryRun) {
        this.model = model;
        this.files = files;
        this.dryRun = dryRun;
        setId("playground-view");
        Label status = new Label();
        status.setId("pg-status");
        status.getStyleClass().add("lab-status");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        VBox top = new VBox(keyAndContext());
        top.getStyleClass().add("pg-top");
        setTop(top);
        // Results and errors go under the page, not above it: an error appearing there does not push Encrypt and
        // Decrypt down under the pointer.
        VBox messages = new VBox(status, new ErrorBox("pg-error", model.errorProperty()));
        messages.getStyleClass().add("pg-messages");
        setBottom(messages);
        VBox page = new VBox(heading("Encrypt and decrypt"), textCrypto(), heading("Data keys"), dataKeys(),
                heading("Random bytes"), random(), heading("Envelope-encrypt a file"), fileEnvelope());
        if (dryRun != null) {
            page.getChildren().addAll(2, List.of(heading("Would this be allowed?"), new WouldItBeAllowedPane(dryRun)));
        }
        page.getStyleClass().add("lab-page");
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        scroll.setId("pg-scroll");
        setCenter(scroll);
    }

    private Node keyAndContext() {
        ComboBox<String> key = new ComboBox<>(model.keyChoices());
        key.setId("pg-key");
        key.setEditable(true);
        key.setPrefWidth(340);
        key.valueProperty().bindBidirectional(model.keyIdProperty());
        Label keyHelp = new Label("Key id, key ARN, alias name or alias ARN");
        keyHelp.getStyleClass().add("muted");
        keyHelp.setWrapText(true);
        VBox keyBox = new VBox(4, new Label("Key"), key, keyHelp);
        Label ctxHelp = new Label("Encryption context: non-secret pairs bound to the ciphertext. Decrypt must "
                + "give exactly the same pairs.");
        ctxHelp.getStyleClass().add("muted");
        ctxHelp.setWrapText(true);
        VBox ctxBox = new VBox(4, new Label("Encryption context"), new ContextEditor(model.context(),
                model::addContextRow), ctxHelp);
        HBox.setHgrow(ctxBox, Priority.ALWAYS);
        HBox row = new HBox(24, keyBox, ctxBox);
        return row;
    }

    private Node textCrypto() {
        TextArea plaintext = new TextArea();
        plaintext.setId("pg-plaintext");
        plaintext.setPrefRowCount(2);
        plaintext.setWrapText(true);
        plaintext.textProperty().bindBidirectional(model.plaintextProperty());
        Button encrypt = button("pg-encrypt", "Encrypt", Feather.LOCK, model::encrypt);
        encrypt.getStyleClass().add("accent");
        Button decrypt = button("pg-decrypt", "Decrypt", Feather.UNLOCK, model::decrypt);
        decrypt.disableProperty().bind(model.ciphertextProperty().isNull());
        TextArea base64 = new TextArea();
        base64.setId("pg-ciphertext");
        base64.setEditable(false);
        base64.setWrapText(true);
        base64.setPrefRowCount(2);
        base64.textProperty().bind(model.ciphertextBase64Property());
        BlobByteView bytes = new BlobByteView();
        Runnable redraw = () -> bytes.show(model.ciphertextProperty().get(), model.segments(),
                model.flippedProperty().get());
        model.ciphertextProperty().addListener((obs, was, now) -> redraw.run());
        redraw.run();
        Spinner<Integer> position = new Spinner<>(0, 4200, 0);
        position.setId("pg-flip-position");
        NumberSpinners.editable(position);
        position.setPrefWidth(90);
        model.ciphertextProperty().addListener((obs, was, now) -> {
            int max = now == null ? 0 : now.length - 1;
            ((SpinnerValueFactory.IntegerSpinnerValueFactory) position.getValueFactory()).setMax(Math.max(0, max));
        });
        Button flip = button("pg-flip", "Flip a bit", Feather.ZAP, () -> model.flipByte(position.getValue()));
        flip.disableProperty().bind(model.ciphertextProperty().isNull());
        Label decrypted = new Label();
        decrypted.setId("pg-decrypted");
        decrypted.getStyleClass().add("pg-decrypted");
        decrypted.textProperty().bind(Bindings.when(model.decryptedProperty().isEmpty()).then("")
                .otherwise(Bindings.concat("Decrypted: ", model.decryptedProperty())));
        ComboBox<String> target = new ComboBox<>(model.keyChoices());
        target.setId("pg-reencrypt-target");
        target.setEditable(true);
        target.setPromptText("destination key");
        target.valueProperty().bindBidirectional(model.reEncryptTargetProperty());
        Button reEncrypt = button("pg-reencrypt", "Re-encrypt", Feather.REPEAT, model::reEncrypt);
        reEncrypt.disableProperty().bind(model.ciphertextProperty().isNull());
        String noBlob = "Encrypt something first: there is no ciphertext yet.";
        // Three groups that wrap onto a second line as a whole on a narrow window, so no button is squeezed to "...".
        javafx.scene.layout.FlowPane actions = new javafx.scene.layout.FlowPane(16, 8,
                row(encrypt, dev.kmslab.ui.common.WhyDisabled.wrap(decrypt, noBlob)),
                row(new Label("Byte"), position, dev.kmslab.ui.common.WhyDisabled.wrap(flip, noBlob)),
                row(new Label("To"), target, reEncrypt));
        actions.setId("pg-actions");
        Label bytesHelp = new Label("The blob, byte by byte. Hover a byte to learn what that part is for.");
        bytesHelp.getStyleClass().add("muted");
        // A ciphertext from elsewhere (a lab hands some out) can be pasted, then decrypted or re-encrypted.
        javafx.scene.control.TextField pasted = new javafx.scene.control.TextField();
        pasted.setId("pg-paste-ciphertext");
        pasted.setPromptText("paste a ciphertext blob (base64)");
        HBox.setHgrow(pasted, javafx.scene.layout.Priority.ALWAYS);
        Button use = button("pg-use-ciphertext", "Use this ciphertext", Feather.CLIPBOARD,
                () -> model.useCiphertext(pasted.getText()));
        HBox pasteRow = row(pasted, use);
        return new VBox(8, new Label("Plaintext (UTF-8, up to 4096 bytes)"), plaintext, actions, decrypted,
                bytesHelp, bytes, new Label("Ciphertext blob (base64)"), base64, pasteRow);
    }

    private Node dataKeys() {
        Button generate = button("pg-data-key", "Generate data key", Feather.KEY, model::generateDataKey);
        TextArea plain = area("pg-data-key-plaintext", model.dataKeyPlaintextProperty());
        plain.getStyleClass().add("secret");
        TextArea encrypted = area("pg-data-key-ciphertext", model.dataKeyCiphertextProperty());
        Label secret = new Label("Plaintext data key — SECRET: encrypt with it, then erase it; never store it",
                new FontIcon(Feather.ALERT_TRIANGLE));
        secret.getStyleClass().add("secret-label");
        secret.setWrapText(true);
        Label stored = new Label("Encrypted data key — store it beside the data; only KMS can open it");
        stored.setWrapText(true);
        GridPane grid = new GridPane();
        grid.getStyleClass().add("pg-side-by-side");
        grid.addRow(0, secret, stored);
        grid.addRow(1, plain, encrypted);
        javafx.scene.layout.ColumnConstraints half = new javafx.scene.layout.ColumnConstraints();
        half.setPercentWidth(50);
        grid.getColumnConstraints().addAll(half, half);
        return new VBox(8, row(generate), grid);
    }

    private Node random() {
        Spinner<Integer> count = new Spinner<>(1, PlaygroundViewModel.MAX_RANDOM_BYTES, 32);
        count.setId("pg-random-count");
        NumberSpinners.editable(count);
        count.setPrefWidth(100);
        count.valueProperty().addListener((obs, was, now) -> model.setRandomCount(now));
        Button generate = button("pg-random", "Generate random bytes", Feather.SHUFFLE, model::generateRandom);
        TextArea out = area("pg-random-output", model.randomBytesProperty());
        return new VBox(8, row(new Label("Bytes (1–1024)"), count, generate), out);
    }

    private Node fileEnvelope() {
        Button encrypt = button("pg-file-encrypt", "Encrypt a file…", Feather.FILE_PLUS, () -> files.encryptFileAs(model.currentKey(), model.contextMap()));
        Button decrypt = button("pg-file-decrypt", "Decrypt a file…", Feather.FILE_TEXT, files::decryptFileAs);
        encrypt.disableProperty().bind(files.runningProperty());
        decrypt.disableProperty().bind(files.runningProperty());
        ProgressBar progress = new ProgressBar();
        progress.setId("pg-file-progress");
        progress.setPrefWidth(260);
        progress.progressProperty().bind(files.progressProperty());
        Button cancel = button("pg-file-cancel", "Cancel", Feather.X_CIRCLE, files::cancel);
        cancel.disableProperty().bind(files.runningProperty().not());
        Label status = new Label();
        status.setId("pg-file-status");
        status.setWrapText(true);
        status.textProperty().bind(files.statusProperty());
        Label help = new Label("Uses the key and context above and writes the AWS Encryption SDK message format "
                + "with the SDK itself: GenerateDataKey once, then AES-256-GCM over the file in 64 KiB frames, and an "
                + "ECDSA P-384 signature at the end. The encrypted data key (provider aws-kms, the key ARN) travels in "
                + "the header, so the AWS Encryption SDK or CLI can decrypt the file against KMS. Files of KMS Lab's "
                + "older format still decrypt. Hover a field below to learn what it is for.");
        help.getStyleClass().add("muted");
        help.setWrapText(true);
        MessageByteView message = new MessageByteView();
        files.layoutProperty().addListener((obs, was, now) -> message.show(now));
        message.show(files.layoutProperty().get());
        return new VBox(8, help, row(encrypt, decrypt, progress, cancel), status,
                new ErrorBox("pg-file-error", files.errorProperty()), message);
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-heading");
        return l;
    }

    private static TextArea area(String id, javafx.beans.value.ObservableValue<String> text) {
        TextArea a = new TextArea();
        a.setId(id);
        a.setEditable(false);
        a.setWrapText(true);
        a.setPrefRowCount(3);
        a.textProperty().bind(text);
        return a;
    }

    private static Button button(String id, String text, Feather icon, Runnable action) {
        Button b = new Button(text, new FontIcon(icon));
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    private static HBox row(Node... nodes) {
        HBox row = new HBox(8, nodes);
        row.setAlignment(Pos.CENTER_LEFT);
        // Buttons and labels keep their whole text; a text field or progress bar is what gives way.
        for (Node n : nodes) {
            if (n instanceof javafx.scene.control.Labeled || n instanceof HBox) {
                ((javafx.scene.layout.Region) n).setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
        }
        row.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return row;
    }
}
