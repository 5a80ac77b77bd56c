package dev.kmslab.ui.keylab.policies;

import dev.kmslab.ui.keylab.common.ErrorBox;
import dev.kmslab.ui.keylab.actas.PrincipalChoice;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The simulator's form and answer: Allowed or Denied, and the engine's step-by-step explanation. */
final class SimulatorPane extends VBox {

    SimulatorPane(SimulatorViewModel model) {
        super(8);
        setId("simulator");
        Label heading = new Label("Policy simulator");
        heading.getStyleClass().add("lab-heading");
        Label help = new Label("Would this principal be allowed this action on the selected key? The engine "
                + "evaluates the saved key policy, IAM policies and grants without making the call.");
        help.getStyleClass().add("muted");
        help.setWrapText(true);

        ComboBox<PrincipalChoice> principal = new ComboBox<>(model.principals());
        principal.setId("sim-principal");
        principal.setMaxWidth(Double.MAX_VALUE);
        principal.valueProperty().addListener((obs, was, now) -> {
            if (now != null) {
                model.setPrincipalArn(now.arn());
            }
        });
        Runnable sync = () -> principal.setValue(model.principals().stream()
                .filter(c -> c.arn().equals(model.principalArnProperty().get())).findFirst().orElse(null));
        model.principals().addListener((javafx.collections.ListChangeListener<PrincipalChoice>) c -> sync.run());
        model.principalArnProperty().addListener((obs, was, now) -> sync.run());
        sync.run();
        ComboBox<String> action = new ComboBox<>(model.actions());
        action.setId("sim-action");
        action.setMaxWidth(Double.MAX_VALUE);
        action.setVisibleRowCount(14);
        action.valueProperty().bindBidirectional(model.actionProperty());
        TextField context = new TextField();
        context.setId("sim-context");
        context.setPromptText("encryption context: Department=Finance, Project=Alpha");
        context.textProperty().bindBidirectional(model.contextProperty());
        TextField via = new TextField();
        via.setId("sim-via");
        via.setPromptText("blank for a direct call, or e.g. s3.us-east-1.amazonaws.com");
        via.textProperty().bindBidirectional(model.viaServiceProperty());

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().addAll(labels, fields);
        form.addRow(0, new Label("Principal"), principal);
        form.addRow(1, new Label("Action"), action);
        form.addRow(2, new Label("Context"), context);
        form.addRow(3, new Label("Via service"), via);

        Button run = new Button("Simulate", new FontIcon(Feather.PLAY));
        run.setId("sim-run");
        run.getStyleClass().add("accent");
        run.setOnAction(e -> model.simulate());
        Label verdict = new Label();
        verdict.setId("sim-verdict");
        verdict.textProperty().bind(model.verdictProperty());
        model.verdictProperty().addListener((obs, was, now) -> {
            verdict.getStyleClass().removeAll("sim-allowed", "sim-denied");
            verdict.getStyleClass().add("Allowed".equals(now) ? "sim-allowed" : "sim-denied");
        });
        TextArea explanation = new TextArea();
        explanation.setId("sim-explanation");
        explanation.getStyleClass().add("mono");
        explanation.setEditable(false);
        explanation.setWrapText(true);
        explanation.setPrefRowCount(10);
        explanation.textProperty().bind(model.explanationProperty());
        explanation.visibleProperty().bind(model.verdictProperty().isNotEmpty());
        explanation.managedProperty().bind(explanation.visibleProperty());
        getChildren().addAll(heading, help, form, run, new ErrorBox("sim-error", model.errorProperty()), verdict,
                explanation);
    }
}
