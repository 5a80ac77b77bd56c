package dev.kmslab.ui.keylab.policies;

import dev.kmslab.ui.keylab.common.ErrorBox;
import dev.kmslab.ui.keylab.actas.PrincipalChoice;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Create users and roles, and attach an IAM identity policy to one. */
final class PrincipalsPane extends VBox {

    PrincipalsPane(PrincipalsViewModel model, ObservableList<PrincipalChoice> principals) {
        super(8);
        setId("principals");
        Label heading = new Label("Principals (lab IAM)");
        heading.getStyleClass().add("lab-heading");
        Label help = new Label("Users and roles of the simulated IAM. A new one can do nothing until a key policy "
                + "or an IAM policy (with the key policy's consent) allows it.");
        help.getStyleClass().add("muted");
        help.setWrapText(true);

        ChoiceBox<String> kind = new ChoiceBox<>();
        kind.getItems().setAll("role", "user");
        kind.setId("principal-kind");
        // "role" / "user" in full: the name field beside it gives way first.
        kind.setMinWidth(USE_PREF_SIZE);
        kind.valueProperty().bindBidirectional(model.kindProperty());
        TextField account = new TextField();
        account.setId("principal-account");
        // Twelve digits and the field's padding: the whole account id stays readable; the name field gives way.
        account.setPrefColumnCount(13);
        account.setMinWidth(USE_PREF_SIZE);
        account.textProperty().bindBidirectional(model.accountProperty());
        TextField name = new TextField();
        name.setId("principal-name");
        name.setPromptText("name, e.g. Analyst");
        name.textProperty().bindBidirectional(model.nameProperty());
        HBox.setHgrow(name, Priority.ALWAYS);
        Button create = new Button("Create", new FontIcon(Feather.USER_PLUS));
        create.setId("principal-create");
        create.setOnAction(e -> model.create());
        create.setMinWidth(USE_PREF_SIZE);
        // Two rows: kind and account, then name and Create, so no part is cut or pushed out of a narrow pane.
        HBox whatRow = new HBox(6, kind, fixed("in account"), account);
        whatRow.setAlignment(Pos.CENTER_LEFT);
        HBox nameRow = new HBox(6, name, create);
        nameRow.setAlignment(Pos.CENTER_LEFT);
        VBox createRow = new VBox(6, whatRow, nameRow);

        ComboBox<PrincipalChoice> target = new ComboBox<>(principals);
        target.setId("policy-attach-to");
        target.setPromptText("User or role");
        target.setMaxWidth(Double.MAX_VALUE);
        target.valueProperty().bindBidirectional(model.attachToProperty());
        HBox.setHgrow(target, Priority.ALWAYS);
        TextField policyName = new TextField();
        policyName.setId("policy-attach-name");
        policyName.setPrefColumnCount(10);
        policyName.textProperty().bindBidirectional(model.policyNameProperty());
        HBox attachRow = new HBox(6, fixed("Attach to"), target, fixed("as"), policyName);
        attachRow.setAlignment(Pos.CENTER_LEFT);
        TextArea json = new TextArea();
        json.setId("policy-attach-json");
        json.getStyleClass().add("mono");
        json.setPrefRowCount(8);
        json.textProperty().bindBidirectional(model.policyJsonProperty());
        Button attach = new Button("Attach IAM policy", new FontIcon(Feather.PAPERCLIP));
        attach.setId("policy-attach");
        attach.setOnAction(e -> model.attach());
        Button showTrust = new Button("Show trust policy", new FontIcon(Feather.EYE));
        showTrust.setId("policy-show-trust");
        showTrust.setOnAction(e -> model.showTrustPolicy());
        Button setTrust = new Button("Set as trust policy", new FontIcon(Feather.SHIELD));
        setTrust.setId("policy-set-trust");
        setTrust.setOnAction(e -> model.setTrustPolicy());
        HBox buttons = new HBox(6, attach, showTrust, setTrust);
        buttons.setAlignment(Pos.CENTER_LEFT);
        Label status = new Label();
        status.setId("principals-status");
        status.getStyleClass().add("lab-status");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        getChildren().addAll(heading, help, createRow, attachRow, json, buttons, status,
                new ErrorBox("principals-error", model.errorProperty()));
    }

    // Labels beside growing fields keep their full text; the fields give way instead.
    private static Label fixed(String text) {
        Label label = new Label(text);
        label.setMinWidth(USE_PREF_SIZE);
        return label;
    }
}
