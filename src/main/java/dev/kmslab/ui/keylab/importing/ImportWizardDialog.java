package dev.kmslab.ui.keylab.importing;

import dev.kmslab.ui.common.NumberSpinners;
import static dev.kmslab.ui.keylab.common.Widgets.button;
import static dev.kmslab.ui.keylab.common.Widgets.help;
import static dev.kmslab.ui.keylab.common.Widgets.output;
import static dev.kmslab.ui.keylab.common.Widgets.row;
import static dev.kmslab.ui.keylab.common.Widgets.value;

import dev.kmslab.engine.model.AlgorithmSpec;
import dev.kmslab.engine.model.ExpirationModelType;
import dev.kmslab.engine.model.WrappingKeySpec;
import dev.kmslab.ui.keylab.common.KeyLabSession;
import dev.kmslab.ui.keylab.common.Widgets;
import java.util.EnumMap;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.kordamp.ikonli.feather.Feather;

/**
 * The import wizard's window: the key at the top, one page per {@link ImportStep}, Back / Next at the bottom. Not
 * modal, so the learner can still move the Key Lab clock or look at the audit log while it is open.
 */
public final class ImportWizardDialog extends BorderPane {

    private final ImportWizardModel model;

    public ImportWizardDialog(ImportWizardModel model) {
        this.model = model;
        setId("import-wizard");
        getStyleClass().add("import-wizard");
        setTop(new VBox(10, steps(), keyRow()));
        Map<ImportStep, Node> pages = new EnumMap<>(ImportStep.class);
        pages.put(ImportStep.PARAMETERS, parametersPage());
        pages.put(ImportStep.MATERIAL, materialPage());
        pages.put(ImportStep.IMPORT, importPage());
        pages.put(ImportStep.USE, usePage());
        StackPane center = new StackPane();
        center.getStyleClass().add("wizard-page");
        pages.forEach((step, page) -> {
            page.visibleProperty().bind(model.stepProperty().isEqualTo(step));
            center.getChildren().add(page);
            StackPane.setAlignment(page, Pos.TOP_LEFT);
        });
        // In a window shorter than the page (a laptop, a large zoom) the page scrolls and Back / Next stay visible.
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(center);
        scroll.setFitToWidth(true);
        scroll.setId("wizard-scroll");
        scroll.getStyleClass().add("edge-to-edge");
        setCenter(scroll);
        setBottom(footer());
    }

    /** Opens the wizard beside {@code owner}'s window; {@code keyId} preselects a key (null: the first one). */
    public static Stage show(Node owner, KeyLabSession session, String keyId) {
        // Its confirmation opens over the Key Lab's window, which owns the wizard.
        ImportWizardModel model = new ImportWizardModel(session, new dev.kmslab.ui.common.FxDialogService(owner));
        if (keyId != null) {
            model.useKey(keyId);
        }
        Stage stage = new Stage();
        stage.setTitle("Import key material");
        Scene scene = new Scene(new ImportWizardDialog(model), 760, 620);
        if (owner.getScene() != null) {
            // The app's theme and the Key Lab's styles, so the wizard looks like the window it came from.
            scene.getStylesheets().addAll(owner.getScene().getStylesheets());
            var css = ImportWizardDialog.class.getResource("/assets/css/keylab.css");
            if (css != null) {
                scene.getStylesheets().add(css.toExternalForm());
            }
        }
        stage.setScene(scene);
        // Owned by and centred on the Key Lab's window, never larger than it, with a visible edge.
        dev.kmslab.ui.common.DialogPlacement.prepare(stage, owner);
        stage.show();
        return stage;
    }

    private Node steps() {
        HBox row = new HBox(6);
        row.getStyleClass().add("wizard-steps");
        for (ImportStep step : ImportStep.values()) {
            Label l = new Label(step.title());
            l.setId("wizard-step-" + step.name().toLowerCase(java.util.Locale.ROOT));
            l.getStyleClass().add("wizard-step");
            Runnable mark = () -> {
                l.getStyleClass().remove("wizard-step-current");
                if (model.stepProperty().get() == step) {
                    l.getStyleClass().add("wizard-step-current");
                }
            };
            model.stepProperty().addListener((obs, was, now) -> mark.run());
            mark.run();
            row.getChildren().add(l);
        }
        return row;
    }

    private Node keyRow() {
        ComboBox<String> key = new ComboBox<>(model.keys());
        key.setId("wizard-key");
        key.setPrefWidth(330);
        key.valueProperty().bindBidirectional(model.keyIdProperty());
        key.setPromptText("No EXTERNAL key yet");
        Button create = button("wizard-create-key", "Create EXTERNAL key", Feather.PLUS, model::createKey);
        Label state = value("wizard-key-state", model.keyStateProperty());
        state.getStyleClass().add("wizard-state");
        return new VBox(4, row(new Label("Key"), key, create), row(new Label("State"), state));
    }

    private Node parametersPage() {
        ComboBox<AlgorithmSpec> algorithm = new ComboBox<>(FXCollections.observableArrayList(
                ImportWizardModel.ALGORITHMS));
        algorithm.setId("wizard-algorithm");
        algorithm.valueProperty().bindBidirectional(model.algorithmProperty());
        ComboBox<WrappingKeySpec> spec = new ComboBox<>(FXCollections.observableArrayList(WrappingKeySpec.values()));
        spec.setId("wizard-wrapping-spec");
        spec.valueProperty().bindBidirectional(model.wrappingSpecProperty());
        Button get = button("wizard-get-parameters", "GetParametersForImport", Feather.DOWNLOAD_CLOUD,
                model::getParameters);
        get.getStyleClass().add("accent");
        return page(help("KMS returns an RSA public key to wrap your material with, and an import token that ties "
                        + "the wrapped bytes to this key. Both expire after 24 hours."),
                row(new Label("Wrapping algorithm"), algorithm, new Label("Wrapping key"), spec), row(get),
                value("wizard-token-expiry", model.tokenExpiryProperty()),
                output("wizard-wrapping-key", model.wrappingKeyPemProperty(), 7));
    }

    private Node materialPage() {
        TextField hex = new TextField();
        hex.setId("wizard-material");
        hex.setPromptText("64 hex digits, or generate");
        hex.textProperty().bindBidirectional(model.materialHexProperty());
        HBox.setHgrow(hex, Priority.ALWAYS);
        Button generate = button("wizard-generate", "Generate 32 random bytes", Feather.SHUFFLE,
                model::generateMaterial);
        Button wrap = button("wizard-wrap", "Wrap with the public key", Feather.PACKAGE, model::wrap);
        wrap.getStyleClass().add("accent");
        Label size = new Label();
        size.textProperty().bind(Bindings.createStringBinding(() -> model.wrappedProperty().get() == null
                ? "Wrapped key material" : "Wrapped key material (" + model.wrappedProperty().get().length
                + " bytes, Base64)", model.wrappedProperty()));
        return page(help("This happens on your side, not in KMS: make 256 bits of key material (a symmetric key "
                        + "needs exactly 32 bytes) and encrypt it with the wrapping public key."),
                row(new Label("Key material (hex)"), hex), row(generate, wrap), size,
                output("wizard-wrapped", Bindings.createStringBinding(() -> model.wrappedProperty().get() == null
                        ? "" : java.util.Base64.getEncoder().encodeToString(model.wrappedProperty().get()),
                        model.wrappedProperty()), 5));
    }

    private Node importPage() {
        ComboBox<ExpirationModelType> expiration = new ComboBox<>(FXCollections.observableArrayList(
                ExpirationModelType.values()));
        expiration.setId("wizard-expiration");
        expiration.valueProperty().bindBidirectional(model.expirationModelProperty());
        Spinner<Integer> days = new Spinner<>(1, 365, model.validDaysProperty().get());
        days.setId("wizard-valid-days");
        NumberSpinners.editable(days);
        days.setPrefWidth(90);
        days.valueProperty().addListener((obs, was, now) -> model.setValidDays(now));
        days.disableProperty().bind(model.expirationModelProperty()
                .isEqualTo(ExpirationModelType.KEY_MATERIAL_DOES_NOT_EXPIRE));
        Button run = button("wizard-import", "ImportKeyMaterial", Feather.UPLOAD, model::importMaterial);
        run.getStyleClass().add("accent");
        Button later = button("wizard-advance-clock", "Move the Key Lab clock +25 h", Feather.FAST_FORWARD,
                model::advanceClockPastToken);
        Label id = value("wizard-material-id", Bindings.createStringBinding(() -> model.importedMaterialIdProperty()
                .get().isEmpty() ? "" : "Key material id: " + model.importedMaterialIdProperty().get(),
                model.importedMaterialIdProperty()));
        id.getStyleClass().add("mono-output");
        return page(help("Send the wrapped material with its import token. With KEY_MATERIAL_EXPIRES, KMS deletes "
                        + "the material at ValidTo and the key returns to PendingImport."),
                row(new Label("Expiration model"), expiration, new Label("ValidTo in (days)"), days), row(run), id,
                help("To see ExpiredImportTokenException, move the clock past the token's 24 hours before "
                        + "importing. Importing different material into a key that had material gives "
                        + "IncorrectKeyMaterialException."), row(later));
    }

    private Node usePage() {
        Button test = button("wizard-test", "Encrypt and decrypt a test message", Feather.LOCK,
                model::testEncryptDecrypt);
        test.getStyleClass().add("accent");
        Button delete = button("wizard-delete-material", "DeleteImportedKeyMaterial", Feather.TRASH_2,
                model::askToDeleteMaterial);
        delete.getStyleClass().add("danger");
        return page(help("The key behaves like any symmetric KMS key, but you own the material: KMS cannot "
                        + "recover it for you, and it cannot be rotated automatically."),
                row(test), value("wizard-test-result", model.testResultProperty()), row(delete));
    }

    private static VBox page(Node... children) {
        VBox box = new VBox(10, children);
        box.getStyleClass().add("wizard-page-body");
        return box;
    }

    private Node footer() {
        Button back = button("wizard-back", "Back", Feather.CHEVRON_LEFT, model::back);
        back.disableProperty().bind(model.canGoBack().not());
        Button next = button("wizard-next", "Next", Feather.CHEVRON_RIGHT, model::next);
        next.disableProperty().bind(model.canGoNext().not());
        Button close = button("wizard-close", "Close", Feather.X, () -> getScene().getWindow().hide());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, gap, back, next, close);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox footer = new VBox(8, Widgets.outcome("wizard", model.outcome()), buttons);
        footer.getStyleClass().add("wizard-footer");
        return footer;
    }
}
