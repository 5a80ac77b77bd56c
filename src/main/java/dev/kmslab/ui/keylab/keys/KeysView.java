package dev.kmslab.ui.keylab.keys;

import dev.kmslab.engine.model.KeyState;
import dev.kmslab.ui.keylab.common.ErrorBox;
import dev.kmslab.ui.keylab.common.LabFormat;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Keys tab: a searchable, filterable table of keys beside the selected key's details. */
public final class KeysView extends BorderPane {

    private final KeysViewModel model;
    private final TableView<KeyRow> table = new TableView<>();
    private final TextField search = new TextField();

    public KeysView(KeysViewModel model) {
        this.model = model;
        setId("keys-view");
        getStyleClass().add("lab-tab");
        setTop(toolbar());
        buildTable();
        KeyDetailsPane details = new KeyDetailsPane(model);
        SplitPane split = new SplitPane(table, details);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.66);
        SplitPane.setResizableWithParent(details, false);
        setCenter(split);
        Label status = new Label();
        status.setId("keys-status");
        status.getStyleClass().add("lab-status");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        setBottom(new VBox(status, new ErrorBox("keys-error", model.errorProperty())));
    }

    private HBox toolbar() {
        search.setId("keys-search");
        search.setPromptText("Search alias, id, description or tag");
        search.textProperty().bindBidirectional(model.searchProperty());
        HBox.setHgrow(search, Priority.ALWAYS);
        search.setMaxWidth(Double.MAX_VALUE);
        ComboBox<KeyState> state = new ComboBox<>();
        state.setId("keys-state-filter");
        state.getItems().add(null);
        state.getItems().addAll(KeyState.Enabled, KeyState.Disabled, KeyState.PendingDeletion, KeyState.Unavailable);
        state.setButtonCell(stateCell());
        state.setCellFactory(l -> stateCell());
        state.valueProperty().bindBidirectional(model.stateFilterProperty());
        Button create = new Button("Create key", new FontIcon(Feather.PLUS));
        create.setId("create-key");
        create.getStyleClass().add("accent");
        create.setMinWidth(Region.USE_PREF_SIZE);
        create.setOnAction(e -> model.connectedStores(stores -> CreateKeyDialog.show(this, stores, model::create)));
        Region gap = new Region();
        gap.setMinWidth(8);
        HBox bar = new HBox(search, state, gap, create);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("lab-toolbar");
        return bar;
    }

    private static ListCell<KeyState> stateCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(KeyState item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item == null ? "All states" : item.name());
            }
        };
    }

    private void buildTable() {
        table.setId("keys-table");
        table.setPlaceholder(new Label("No keys yet. Create one to start."));
        // Narrow windows scroll sideways rather than cutting every value short; the telling columns come first.
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.getColumns().add(column("Alias", KeyRow::aliasText, 11));
        table.getColumns().add(column("Key id", r -> r.keyId(), 8));
        TableColumn<KeyRow, String> state = column("State", r -> r.state().name(), 9);
        state.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            private final javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                for (KeyState s : KeyState.values()) {
                    getStyleClass().remove("state-" + s.name());
                }
                // The whole state name a hover away (and for screen readers), should a narrow column ever cut it.
                setTooltip(empty || item == null ? null : tip);
                setAccessibleText(empty ? null : item);
                if (!empty && item != null) {
                    tip.setText(item);
                    getStyleClass().add("state-" + item);
                }
            }
        });
        table.getColumns().add(state);
        table.getColumns().add(column("Rotation", KeyRow::rotationText, 9));
        table.getColumns().add(column("Created", r -> LabFormat.date(r.metadata().creationDate()), 7.5));
        table.getColumns().add(column("Spec", r -> r.metadata().keySpec().name(), 12));
        table.getColumns().add(column("Usage", r -> r.metadata().keyUsage().name(), 11));
        table.getColumns().add(column("Origin", r -> r.metadata().origin().name(), 7));
        table.setItems(model.visibleRows());
        // The search field is always on screen and inherits the zoomed font; the columns take their widths from it.
        search.fontProperty().addListener((obs, was, now) -> fitColumns());
        model.visibleRows().addListener((javafx.collections.ListChangeListener<KeyRow>) c -> fitColumns());
        table.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (now != null) {
                model.select(now);
            }
        });
        model.selectedProperty().addListener((obs, was, now) -> {
            if (now != null && table.getSelectionModel().getSelectedItem() != now) {
                table.getSelectionModel().select(now);
            }
        });
    }

    // Each column is as wide as its ems of the current font, or as its widest value ("SYMMETRIC_DEFAULT",
    // "GENERATE_VERIFY_MAC") plus the cell padding when that is wider, so no value is cut at any zoom.
    private void fitColumns() {
        javafx.scene.text.Font font = search.getFont();
        double size = font.getSize();
        javafx.scene.text.Text probe = new javafx.scene.text.Text();
        probe.setFont(font);
        for (TableColumn<KeyRow, ?> c : table.getColumns()) {
            Object ems = c.getProperties().get("ems");
            double width = ems instanceof Double e ? e * size : c.getPrefWidth();
            // Ids and aliases are long by nature and have their own details pane; they keep their ems.
            boolean fit = !c.getText().equals("Key id") && !c.getText().equals("Alias");
            for (KeyRow row : fit ? model.visibleRows() : java.util.List.<KeyRow>of()) {
                Object value = c.getCellData(row);
                if (value != null) {
                    probe.setText(value.toString());
                    width = Math.max(width, probe.getLayoutBounds().getWidth() + 1.8 * size);
                }
            }
            if (c.getText().equals("State")) {
                width = Math.max(width, stateWidth(font));
            }
            c.setPrefWidth(Math.ceil(width));
        }
    }

    /**
     * As wide as the longest state name ("PendingReplicaDeletion") in bold, the heaviest way keylab.css draws a state,
     * plus the cell padding: a key changing state never cuts its name, whatever the table holds.
     */
    static double stateWidth(javafx.scene.text.Font font) {
        javafx.scene.text.Text probe = new javafx.scene.text.Text();
        probe.setFont(javafx.scene.text.Font.font(font.getFamily(), javafx.scene.text.FontWeight.BOLD,
                javafx.scene.text.FontPosture.ITALIC, font.getSize()));
        double widest = 0;
        for (KeyState s : KeyState.values()) {
            probe.setText(s.name());
            widest = Math.max(widest, probe.getLayoutBounds().getWidth());
        }
        return widest + 1.8 * font.getSize();
    }

    private static TableColumn<KeyRow, String> column(String title, Function<KeyRow, String> value, double ems) {
        TableColumn<KeyRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> (ObservableValue<String>) new ReadOnlyStringWrapper(value.apply(f.getValue())));
        c.setCellFactory(dev.kmslab.ui.common.FullTextCell.factory());
        // Widths in ems of the table's own font, so they follow the app's zoom: at 150% "SYMMETRIC_DEFAULT" still fits.
        c.setPrefWidth(ems * 14);
        c.getProperties().put("ems", ems);
        return c;
    }
}
