package dev.kmslab.ui.keylab.grants;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The create-grant form: grantee, operations, encryption context constraints, retiring principal and name. */
final class GrantFormPane extends VBox {

    private static final String SUBSET = "EncryptionContextSubset";
    private static final String EQUALS = "EncryptionContextEquals";

    GrantFormPane(GrantsViewModel model) {
        super(8);
        setId("grant-form");
        ObservableList<String> arns = GrantsView.arns(model.principals());
        ComboBox<String> grantee = new ComboBox<>(arns);
        grantee.setId("grant-grantee");
        grantee.setEditable(true);
        grantee.setMaxWidth(Double.MAX_VALUE);
        grantee.setPromptText("Principal ARN, e.g. arn:aws:iam::111122223333:role/App");
        List<CheckBox> operations = new ArrayList<>();
        FlowPane opsPane = new FlowPane(10, 6);
        opsPane.setId("grant-operations");
        for (String op : GrantsViewModel.OPERATIONS) {
            CheckBox box = new CheckBox(op);
            box.setId("grant-op-" + op);
            operations.add(box);
            opsPane.getChildren().add(box);
        }
        TextField constraints = new TextField();
        constraints.setId("grant-constraints");
        constraints.setPromptText("Department=Finance (optional)");
        HBox.setHgrow(constraints, Priority.ALWAYS);
        ChoiceBox<String> kind = new ChoiceBox<>();
        kind.setId("grant-constraints-kind");
        kind.getItems().setAll(SUBSET, EQUALS);
        kind.setValue(SUBSET);
        HBox constraintRow = new HBox(8, constraints, kind);
        ComboBox<String> retiring = new ComboBox<>(arns);
        retiring.setId("grant-retiring");
        retiring.setEditable(true);
        retiring.setMaxWidth(Double.MAX_VALUE);
        retiring.setPromptText("optional");
        TextField name = new TextField();
        name.setId("grant-name");
        name.setPromptText("optional; retrying with the same name returns the same grant");

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        // The field names keep their whole text; the fields beside them give up width.
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        grid.getColumnConstraints().addAll(names, fields);
        grid.addRow(0, new Label("Grantee"), grantee);
        grid.addRow(1, new Label("Operations"), opsPane);
        grid.addRow(2, new Label("Constraints"), constraintRow);
        grid.addRow(3, new Label("Retiring principal"), retiring);
        grid.addRow(4, new Label("Name"), name);

        Button create = new Button("Create grant", new FontIcon(Feather.PLUS));
        create.setId("grant-create");
        create.getStyleClass().add("accent");
        create.setOnAction(e -> model.create(new GrantForm(grantee.getEditor().getText(),
                operations.stream().filter(CheckBox::isSelected).map(CheckBox::getText).toList(),
                constraints.getText(), EQUALS.equals(kind.getValue()), retiring.getEditor().getText(),
                name.getText())));
        getChildren().addAll(grid, create);
    }
}
