package dev.kmslab.ui.keylab.keys;

import dev.kmslab.ui.common.NumberSpinners;
import dev.kmslab.engine.model.CustomKeyStoresListEntry;
import dev.kmslab.engine.model.KeySpec;
import dev.kmslab.engine.model.KeyUsage;
import dev.kmslab.engine.model.OriginType;
import dev.kmslab.ui.keylab.rotation.RotationViewModel;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

/**
 * CreateKey with every option the engine supports, each explained in a line. Options AWS has but the lab does not
 * implement yet are listed, greyed out, so learners see the whole choice.
 */
final class CreateKeyDialog {

    private CreateKeyDialog() {
    }

    static void show(Node owner, Consumer<CreateKeyForm> onCreate) {
        show(owner, java.util.List.of(), onCreate);
    }

    /** @param stores the CONNECTED custom key stores the key may be created in */
    static void show(Node owner, java.util.List<CustomKeyStoresListEntry> stores, Consumer<CreateKeyForm> onCreate) {
        Dialog<CreateKeyForm> dialog = new Dialog<>();
        dialog.setTitle("Create key");
        dialog.setHeaderText("Create a KMS key");
        // Owned by, centred on and no taller than the Key Lab's window, with its theme and the Key Lab's form styles.
        dev.kmslab.ui.common.DialogPlacement.prepare(dialog, owner);
        dialog.getDialogPane().getStylesheets().add(dev.kmslab.ui.common.Stylesheets.url("keylab"));
        TextField alias = new TextField();
        alias.setId("new-key-alias");
        alias.setPromptText("alias/my-app-key");
        TextField description = new TextField();
        description.setId("new-key-description");
        ComboBox<KeyUsage> usage = choice("new-key-usage", KeyUsage.values(), KeyUsage.ENCRYPT_DECRYPT,
                java.util.Map.of());
        ComboBox<KeySpec> spec = choice("new-key-spec", KeySpec.values(), KeySpec.SYMMETRIC_DEFAULT,
                java.util.Map.of(KeySpec.SM2, "China Regions only"));
        ComboBox<OriginType> origin = choice("new-key-origin", OriginType.values(), OriginType.AWS_KMS,
                java.util.Map.of(OriginType.AWS_CLOUDHSM, "pick a connected custom key store below",
                        OriginType.EXTERNAL_KEY_STORE, "external key stores are not in the lab yet"));
        ComboBox<CustomKeyStoresListEntry> store = storeChoice(stores);
        // A custom key store holds symmetric encryption keys only, and its keys have Origin AWS_CLOUDHSM.
        store.valueProperty().addListener((obs, was, now) -> {
            if (now != null) {
                usage.setValue(KeyUsage.ENCRYPT_DECRYPT);
                spec.setValue(KeySpec.SYMMETRIC_DEFAULT);
                origin.setValue(OriginType.AWS_CLOUDHSM);
            } else if (origin.getValue() == OriginType.AWS_CLOUDHSM) {
                origin.setValue(OriginType.AWS_KMS);
            }
        });
        // A usage the current spec does not fit moves the spec to one that does, and the spec list says which fit.
        usage.valueProperty().addListener((obs, was, now) -> {
            if (now != null && spec.getValue() != null && !KeySpecChoices.fits(spec.getValue(), now)) {
                spec.setValue(KeySpecChoices.defaultFor(now));
            }
        });
        usage.disableProperty().bind(store.valueProperty().isNotNull());
        spec.disableProperty().bind(store.valueProperty().isNotNull());
        origin.disableProperty().bind(store.valueProperty().isNotNull());
        TextArea tags = new TextArea();
        tags.setId("new-key-tags");
        // A prompt cannot show a line break, so the example says it in words.
        tags.setPromptText("team=payments (one per line)");
        tags.setPrefRowCount(3);
        CheckBox rotation = new CheckBox("Rotate automatically every");
        rotation.setId("new-key-rotation");
        Spinner<Integer> period = new Spinner<>(RotationViewModel.MIN_PERIOD_DAYS, RotationViewModel.MAX_PERIOD_DAYS,
                RotationViewModel.DEFAULT_PERIOD_DAYS);
        period.setId("new-key-rotation-days");
        NumberSpinners.editable(period);
        period.disableProperty().bind(rotation.selectedProperty().not());
        CheckBox multiRegion = new CheckBox("Multi-Region primary key (mrk-…)");
        multiRegion.setId("new-key-multi-region");
        Label tagError = new Label();
        tagError.getStyleClass().add("error-text");

        GridPane grid = new GridPane();
        grid.getStyleClass().add("lab-form");
        int row = 0;
        row = field(grid, row, "Alias", alias, "Optional friendly name, e.g. alias/orders. Aliases can later point "
                + "to another key, so code need not change.");
        row = field(grid, row, "Description", description, "Free text shown in the console; up to 8192 characters.");
        row = field(grid, row, "Key usage", usage, "What the key may do. ENCRYPT_DECRYPT: Encrypt, Decrypt, "
                + "ReEncrypt (and data keys for symmetric keys); SIGN_VERIFY: Sign and Verify; GENERATE_VERIFY_MAC: "
                + "HMAC keys; KEY_AGREEMENT: ECDH with NIST curves.");
        row = field(grid, row, "Key spec", spec, "SYMMETRIC_DEFAULT is a 256-bit AES-GCM key that never leaves KMS; "
                + "RSA and ECC specs are key pairs whose public key you can download; HMAC_* are MAC keys. A spec "
                + "must fit the usage (the engine says why when it does not).");
        row = field(grid, row, "Origin", origin, "AWS_KMS: KMS generates the key material. EXTERNAL: the key waits "
                + "in PendingImport until you import your own material.");
        // The row only appears when there is a store to choose: otherwise it is noise in an already long form.
        if (!stores.isEmpty()) {
            row = field(grid, row, "Key store", store, "Optional: a connected custom key store. The key material is "
                    + "then generated inside its PKCS#11 token and every Encrypt and Decrypt runs there; the key is "
                    + "symmetric, cannot be rotated, and is Unavailable while the store is disconnected.");
        }
        row = field(grid, row, "Tags", tags, "One key=value per line, for cost allocation and attribute-based "
                + "access control.");
        javafx.scene.layout.HBox rot = new javafx.scene.layout.HBox(8, rotation, period, new Label("days"));
        rot.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        row = field(grid, row, "Rotation", rot, "New key material every 90–2560 days (365 by default); old "
                + "material is kept so old ciphertexts still decrypt.");
        row = field(grid, row, "Regions", multiRegion, "Only decided at creation. A multi-Region key can be "
                + "replicated to other Regions with the same key id and key material, so a ciphertext from one "
                + "Region decrypts in another.");
        grid.add(tagError, 1, row);
        // On a small screen (or a projector at 1280x720) the form scrolls, so the buttons stay on screen.
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("edge-to-edge");
        // A dialog sizes itself to its content's preferred height and ignores a max height, so DialogPlacement
        // shortens it once shown; the ScrollPane then takes what is left.
        dialog.getDialogPane().setContent(scroll);

        ButtonType create = new ButtonType("Create key", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(create, ButtonType.CANCEL);
        Button ok = (Button) dialog.getDialogPane().lookupButton(create);
        ok.setId("create-key-ok");
        // Bad tag lines keep the dialog open with the reason, instead of failing after it closed.
        ok.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            try {
                CreateKeyForm.parseTags(tags.getText());
                tagError.setText("");
            } catch (IllegalArgumentException ex) {
                tagError.setText(ex.getMessage());
                e.consume();
            }
        });
        dialog.setResultConverter(button -> button == create ? new CreateKeyForm(description.getText(),
                usage.getValue(), spec.getValue(), origin.getValue(), CreateKeyForm.parseTags(tags.getText()),
                alias.getText(), rotation.isSelected(), period.getValue(), multiRegion.isSelected(),
                store.getValue() == null ? null : store.getValue().customKeyStoreId()) : null);
        dialog.resultProperty().addListener((obs, was, now) -> {
            if (now != null) {
                onCreate.accept(now);
            }
        });
        dialog.show();
        alias.requestFocus();
    }

    private static ComboBox<CustomKeyStoresListEntry> storeChoice(java.util.List<CustomKeyStoresListEntry> stores) {
        ComboBox<CustomKeyStoresListEntry> box = new ComboBox<>();
        box.setId("new-key-store");
        box.getItems().add(null);
        box.getItems().addAll(stores);
        javafx.util.Callback<javafx.scene.control.ListView<CustomKeyStoresListEntry>,
                ListCell<CustomKeyStoresListEntry>> cells = l -> new ListCell<>() {
                    @Override
                    protected void updateItem(CustomKeyStoresListEntry item, boolean empty) {
                        super.updateItem(item, empty);
                        setText(empty ? null : item == null ? "None (the AWS KMS key store)"
                                : item.customKeyStoreName() + " (" + item.customKeyStoreId() + ")");
                    }
                };
        box.setCellFactory(cells);
        box.setButtonCell(cells.call(null));
        box.setDisable(stores.isEmpty());
        return box;
    }

    private static int field(GridPane grid, int row, String label, Node input, String help) {
        Label name = new Label(label);
        name.getStyleClass().add("lab-form-label");
        // The label column keeps its words; the input column gives up width instead.
        name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label explain = new Label(help);
        explain.getStyleClass().addAll("muted", "lab-form-help");
        explain.setWrapText(true);
        explain.setMaxWidth(460);
        grid.add(name, 0, row);
        grid.add(input, 1, row);
        grid.add(explain, 1, row + 1);
        return row + 2;
    }

    /** A choice whose values in {@code unavailable} are visible but disabled, with the reason. */
    private static <T extends Enum<T>> ComboBox<T> choice(String id, T[] values, T initial,
                                                          java.util.Map<T, String> unavailable) {
        ComboBox<T> box = new ComboBox<>();
        box.setId(id);
        box.getItems().addAll(values);
        box.setValue(initial);
        box.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setText(null);
                    setDisable(false);
                } else {
                    String why = unavailable.get(item);
                    setText(why == null ? item.name() : item.name() + " — " + why);
                    setDisable(why != null);
                }
            }
        });
        return box;
    }
}
