package dev.kmslab.ui.keylab.keystores;

import dev.kmslab.ui.keylab.common.ErrorBox;
import dev.kmslab.ui.keylab.common.LabFormat;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Custom key stores tab: lays out and binds {@link CustomKeyStoresViewModel}. The form on top creates an
 * AWS_CLOUDHSM-style store on a PKCS#11 token; the list shows each store's connection state as a chip, with
 * Connect, Disconnect and Delete for the selected one.
 */
public final class CustomKeyStoresView extends VBox {

    private final CustomKeyStoresViewModel model;
    private final ListView<StoreRow> list = new ListView<>();

    public CustomKeyStoresView(CustomKeyStoresViewModel model) {
        this.model = model;
        setId("cks-view");
        getStyleClass().add("lab-page");
        setSpacing(8);
        Label intro = new Label("A custom key store keeps key material in hardware you control. In AWS that is a "
                + "CloudHSM cluster; here it is a PKCS#11 token such as SoftHSM2. Keys created in a connected store "
                + "are generated inside the token and never leave it; while the store is disconnected they are "
                + "Unavailable.");
        intro.setWrapText(true);
        intro.getStyleClass().add("muted");
        // Wrapped text keeps all its lines; the list below gives up height instead.
        intro.setMinHeight(Region.USE_PREF_SIZE);
        list.setId("cks-list");
        list.setPrefHeight(160);
        Label empty = new Label("No custom key stores in this Region yet. Fill in the form above and press Create key store, then "
                + "Connect it; keys created in it then show Origin AWS_CLOUDHSM in the Keys tab.");
        empty.setWrapText(true);
        empty.getStyleClass().add("muted");
        empty.setMaxWidth(520);
        empty.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        list.setPlaceholder(empty);
        list.setItems(model.rows());
        list.setCellFactory(l -> new StoreCell());
        // Connect, Disconnect and Delete reload the list; the store acted on stays selected (so Disconnect stays
        // one click away after a failed Connect), and a deleted one leaves the list without a selection.
        dev.kmslab.ui.common.KeepSelection.inListView(list, StoreRow::id, gone -> { });
        VBox.setVgrow(list, Priority.ALWAYS);
        Label status = new Label();
        status.setId("cks-status");
        status.getStyleClass().add("lab-status");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        getChildren().addAll(intro, form(), list, actions(), status, new ErrorBox("cks-error",
                model.errorProperty()));
    }

    private Node form() {
        TextField name = new TextField();
        name.setId("cks-name");
        name.setPromptText("e.g. my-hsm-store");
        name.textProperty().bindBidirectional(model.nameProperty());
        TextField module = new TextField();
        module.setId("cks-module");
        module.setPromptText("e.g. /usr/lib/softhsm/libsofthsm2.so");
        module.textProperty().bindBidirectional(model.moduleLibraryProperty());
        ComboBox<CustomKeyStoresViewModel.SlotKind> kind = new ComboBox<>();
        kind.setId("cks-slot-kind");
        kind.getItems().addAll(CustomKeyStoresViewModel.SlotKind.values());
        kind.valueProperty().bindBidirectional(model.slotKindProperty());
        TextField slot = new TextField();
        slot.setId("cks-slot");
        slot.setPromptText("e.g. kmslab");
        slot.textProperty().bindBidirectional(model.slotValueProperty());
        PasswordField pin = new PasswordField();
        pin.setId("cks-pin");
        pin.textProperty().bindBidirectional(model.pinProperty());
        Button create = new Button("Create key store", new FontIcon(Feather.PLUS));
        create.setId("cks-create");
        create.getStyleClass().add("accent");
        create.disableProperty().bind(model.canCreate().not());
        create.setOnAction(e -> model.create());
        Label why = new Label();
        why.setId("cks-create-why");
        why.getStyleClass().addAll("muted", "lab-form-help");
        why.setWrapText(true);
        why.textProperty().bind(model.createHint());
        why.visibleProperty().bind(create.disabledProperty());
        why.managedProperty().bind(why.visibleProperty());
        dev.kmslab.ui.common.HoverTooltip.install(create, "CreateCustomKeyStore with the form's values");

        GridPane grid = new GridPane();
        grid.getStyleClass().add("lab-form");
        // Label and field pairs, two to a row on a wide window and one to a row on a narrow one, so no label is cut.
        kind.setMinWidth(Region.USE_PREF_SIZE);
        create.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(slot, Priority.ALWAYS);
        HBox.setHgrow(pin, Priority.ALWAYS);
        HBox token = new HBox(6, kind, slot);
        HBox pinRow = new HBox(6, pin, create);
        Node[][] pairs = {{label("Name"), name}, {label("PKCS#11 module"), module}, {label("Token"), token},
            {label("User PIN (KeyStorePassword)"), pinRow}};
        // Two pairs to a row once the view is 64 em wide (a 1280 px window); one pair to a row below that (and
        // before the first layout, when the width is not known yet).
        Label help = new Label("The module and slot stand in for the CloudHSM cluster id; the PIN stands in for the "
                + "kmsuser password. The lab keeps the PIN only inside its encrypted keystore. Without a module "
                + "file the token is simulated in memory (PIN 1234, keys lost when the app closes).");
        boolean[] wide = {false};
        Runnable arrange = () -> {
            grid.getChildren().clear();
            for (int i = 0; i < pairs.length; i++) {
                int row = wide[0] ? i / 2 : i;
                int col = wide[0] ? (i % 2) * 2 : 0;
                grid.add(pairs[i][0], col, row);
                grid.add(pairs[i][1], col + 1, row);
                GridPane.setHgrow(pairs[i][1], Priority.ALWAYS);
            }
        };
        arrange.run();
        widthProperty().addListener((obs, was, now) -> {
            // 64 em: 896 px at the default 14 px type (a 1280 px window), more at a larger zoom. At 1024 px two
            // pairs to a row left the module path and the slot field a few characters wide.
            boolean shouldBeWide = now.doubleValue() >= 64 * create.getFont().getSize();
            if (shouldBeWide != wide[0]) {
                wide[0] = shouldBeWide;
                arrange.run();
            }
        });
        help.setWrapText(true);
        help.getStyleClass().addAll("muted", "lab-form-help");
        help.setMinHeight(Region.USE_PREF_SIZE);
        return new VBox(4, grid, why, help);
    }

    private Node actions() {
        Button connect = new Button("Connect", new FontIcon(Feather.LINK));
        connect.setId("cks-connect");
        Button disconnect = new Button("Disconnect", new FontIcon(Feather.SLASH));
        disconnect.setId("cks-disconnect");
        Button delete = new Button("Delete", new FontIcon(Feather.TRASH_2));
        delete.setId("cks-delete");
        var selected = list.getSelectionModel().selectedItemProperty();
        connect.disableProperty().bind(Bindings.createBooleanBinding(
                () -> selected.get() == null || !selected.get().canConnect(), selected));
        disconnect.disableProperty().bind(Bindings.createBooleanBinding(
                () -> selected.get() == null || !selected.get().canDisconnect(), selected));
        delete.disableProperty().bind(Bindings.createBooleanBinding(
                () -> selected.get() == null || !selected.get().canDelete(), selected));
        connect.setOnAction(e -> model.connect(selected.get()));
        disconnect.setOnAction(e -> model.disconnect(selected.get()));
        delete.setOnAction(e -> model.askToDelete(selected.get()));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(6, dev.kmslab.ui.common.WhyDisabled.wrap(connect, why(selected,
                        "Only a DISCONNECTED store can be connected.")),
                dev.kmslab.ui.common.WhyDisabled.wrap(disconnect, why(selected,
                        "It is already DISCONNECTED.")), gap,
                dev.kmslab.ui.common.WhyDisabled.wrap(delete, why(selected,
                        "Only a DISCONNECTED store can be deleted: disconnect it first.")));
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    // "Select a key store first", or the state rule that keeps the selected store's button disabled.
    private static javafx.beans.binding.StringBinding why(
            javafx.beans.value.ObservableValue<StoreRow> selected, String rule) {
        return Bindings.createStringBinding(() -> selected.getValue() == null ? "Select a key store in the list first."
                : selected.getValue().name() + " is " + selected.getValue().state() + ". " + rule, selected);
    }

    private static Label label(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("lab-form-label");
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    /** Name and id, the state chip, and the token that backs the store. */
    private static final class StoreCell extends ListCell<StoreRow> {
        @Override
        protected void updateItem(StoreRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label title = new Label(row.name() + "  " + row.id());
            title.getStyleClass().add("lab-form-label");
            Label chip = new Label(row.stateText());
            chip.getStyleClass().addAll("chip", "cks-state-" + row.state().name());
            Label token = new Label(row.tokenText() + " · " + row.store().cloudHsmClusterId() + " · created "
                    + LabFormat.date(row.store().creationDate()));
            token.getStyleClass().add("muted");
            HBox top = new HBox(8, title, chip);
            top.setAlignment(Pos.CENTER_LEFT);
            setGraphic(new VBox(2, top, token));
            setText(null);
        }
    }
}
