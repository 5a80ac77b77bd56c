package dev.kmslab.ui.keylab.grants;

import dev.kmslab.ui.keylab.common.ErrorBox;
import dev.kmslab.ui.keylab.common.KeyLabSession;
import dev.kmslab.ui.keylab.actas.PrincipalChoice;
import dev.kmslab.ui.keylab.keys.KeysViewModel;
import dev.kmslab.ui.keylab.policies.KeyPicker;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Grants tab: the selected key's grants, retire and revoke, and a form to create one. */
public final class GrantsView extends BorderPane {

    private final GrantsViewModel model;
    private final TableView<GrantRow> table = new TableView<>();

    public GrantsView(GrantsViewModel model, KeysViewModel keys) {
        this.model = model;
        setId("grants-view");
        Label status = new Label();
        status.setId("grants-status");
        status.getStyleClass().add("lab-status");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        VBox top = new VBox(6, new KeyPicker("grants-key", keys), status, created(),
                new ErrorBox("grants-error", model.errorProperty()));
        top.getStyleClass().add("lab-toolbar");
        setTop(top);
        Label intro = new Label("A grant lets one principal use the key for the listed operations, without changing "
                + "the key policy. Grants only allow; they cannot deny. Retire a grant when its work is done; revoke "
                + "it to take it away.");
        intro.getStyleClass().add("muted");
        intro.setWrapText(true);
        Label formHeading = new Label("Create a grant");
        formHeading.getStyleClass().add("lab-heading");
        VBox page = new VBox(10, intro, table(), tableActions(), formHeading, new GrantFormPane(model));
        page.getStyleClass().add("lab-page");
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        setCenter(scroll);
    }

    /** The tab over a session. */
    public static GrantsView create(KeyLabSession session, KeysViewModel keys,
                                    dev.kmslab.ui.common.DialogService dialogs) {
        return new GrantsView(new GrantsViewModel(session, dialogs), keys);
    }

    private TableView<GrantRow> table() {
        table.setId("grants-table");
        table.setItems(model.rows());
        table.setPrefHeight(170);
        table.setPlaceholder(new Label("No grants on this key."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("Grant id", 150, GrantRow::grantId));
        table.getColumns().add(column("Grantee", 230, GrantRow::grantee));
        table.getColumns().add(column("Operations", 200, GrantRow::operationsText));
        table.getColumns().add(column("Constraints", 150, GrantRow::constraintsText));
        table.getColumns().add(column("Retiring principal", 170, GrantRow::retiringText));
        table.getColumns().add(column("Name", 100, GrantRow::nameText));
        // At 150% zoom the headers ("Retiring principal") would otherwise be cut.
        dev.kmslab.ui.common.EmColumns.follow(this, table);
        return table;
    }

    private static TableColumn<GrantRow, String> column(String title, double width, Function<GrantRow, String> f) {
        TableColumn<GrantRow, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(f.apply(cell.getValue())));
        c.setCellFactory(dev.kmslab.ui.common.FullTextCell.factory());
        // The header keeps its whole title; a narrow window scrolls the table sideways instead.
        javafx.scene.text.Text probe = new javafx.scene.text.Text(title);
        c.setMinWidth(Math.min(width, Math.ceil(probe.getLayoutBounds().getWidth() * 1.2) + 40));
        return c;
    }

    private HBox tableActions() {
        Button retire = new Button("Retire", new FontIcon(Feather.CHECK_CIRCLE));
        retire.setId("grant-retire");
        retire.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        retire.setOnAction(e -> model.retire(table.getSelectionModel().getSelectedItem()));
        Button revoke = new Button("Revoke…", new FontIcon(Feather.X_OCTAGON));
        revoke.setId("grant-revoke");
        revoke.getStyleClass().add("danger");
        revoke.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        revoke.setOnAction(e -> model.askToRevoke(table.getSelectionModel().getSelectedItem()));
        HBox row = new HBox(8, retire, revoke);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private VBox created() {
        TextField id = new TextField();
        id.setId("grant-created-id");
        id.setEditable(false);
        id.getStyleClass().add("mono");
        id.textProperty().bind(model.createdGrantIdProperty());
        TextField token = new TextField();
        token.setId("grant-created-token");
        token.setEditable(false);
        token.getStyleClass().add("mono");
        token.textProperty().bind(model.createdGrantTokenProperty());
        HBox.setHgrow(token, Priority.ALWAYS);
        Button copy = new Button("Copy token", new FontIcon(Feather.COPY));
        copy.setId("grant-copy-token");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(model.createdGrantTokenProperty().get());
            Clipboard.getSystemClipboard().setContent(content);
        });
        HBox idRow = new HBox(8, new Label("GrantId"), id);
        idRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(id, Priority.ALWAYS);
        Button useToken = new Button("Act as the grantee with this token", new FontIcon(Feather.USER_CHECK));
        useToken.setId("grant-act-with-token");
        useToken.setOnAction(e -> model.actAsGranteeWithToken());
        HBox tokenRow = new HBox(8, new Label("GrantToken"), token, copy, useToken);
        tokenRow.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(6, idRow, tokenRow);
        box.setId("grant-created");
        box.visibleProperty().bind(model.createdGrantIdProperty().isNotEmpty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    /** The ARNs of the lab's principals, kept in step with the model's list, for editable choosers. */
    static ObservableList<String> arns(ObservableList<PrincipalChoice> principals) {
        ObservableList<String> arns = FXCollections.observableArrayList();
        Runnable sync = () -> arns.setAll(principals.stream().map(PrincipalChoice::arn).toList());
        principals.addListener((ListChangeListener<PrincipalChoice>) c -> sync.run());
        sync.run();
        return arns;
    }
}
