package dev.kmslab.ui.flows;

import dev.kmslab.flow.Flow;
import dev.kmslab.flow.Step;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** What the current step does and why: its message and parameters, the narration, the exam tip, what changed. */
final class NarrationPanel extends VBox {

    private final Label counter = new Label();
    private final Label title = new Label();
    private final Label route = new Label();
    private final GridPane params = new GridPane();
    private final Label conditionHeading = new Label("Condition context KMS evaluates (not a request parameter)");
    private final GridPane conditions = new GridPane();
    private final Label failure = new Label();
    private final Label narration = new Label();
    private final Label tip = new Label(null, new FontIcon(Feather.AWARD));
    // What the step shows beyond AWS documentation, under its own badge so it is never mistaken for AWS output.
    private final Label simulationBadge = new Label("KMS Lab simulation", new FontIcon(Feather.CPU));
    private final Label simulation = new Label();
    private final VBox simulationBox = new VBox(simulationBadge, simulation);
    private final VBox states = new VBox();

    NarrationPanel() {
        getStyleClass().add("narration-panel");
        setId("narration-panel");
        counter.setId("step-counter");
        counter.getStyleClass().add("muted");
        // Both wrap in a narrow panel (a 1024-pixel window or presenter mode at 150% zoom) rather than end in "...".
        counter.setWrapText(true);
        title.setId("step-title");
        title.getStyleClass().add("step-title");
        title.setWrapText(true);
        route.getStyleClass().add("step-route");
        route.setWrapText(true);
        params.getStyleClass().add("step-params");
        conditionHeading.setId("step-condition-heading");
        conditionHeading.getStyleClass().addAll("muted", "condition-heading");
        conditionHeading.setWrapText(true);
        conditions.setId("step-conditions");
        conditions.getStyleClass().add("step-params");
        failure.setId("step-failure");
        failure.getStyleClass().add("step-failure");
        failure.setWrapText(true);
        failure.setGraphic(new FontIcon(Feather.X_OCTAGON));
        narration.setId("narration");
        narration.getStyleClass().add("narration");
        narration.setWrapText(true);
        tip.setId("step-tip");
        tip.getStyleClass().addAll("exam-tip", "step-tip");
        tip.setWrapText(true);
        states.getStyleClass().add("state-changes");
        simulationBadge.setId("step-simulation-badge");
        simulationBadge.getStyleClass().add("simulation-badge");
        simulation.setId("step-simulation");
        simulation.getStyleClass().add("simulation-text");
        simulation.setWrapText(true);
        simulation.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        simulationBox.setId("step-simulation-box");
        simulationBox.getStyleClass().add("simulation-note");
        narration.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        tip.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        failure.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        getChildren().addAll(counter, title, route, params, conditionHeading, conditions, failure, narration, simulationBox, tip, states);
    }

    void show(Flow flow, int index) {
        Step step = flow == null || index < 0 ? null : flow.steps().get(index);
        setVisible(step != null);
        if (step == null) {
            return;
        }
        counter.setText("Step " + (index + 1) + " of " + flow.steps().size() + (step.kmsCall() ? " · KMS API call"
                : ""));
        title.setText(step.action());
        route.setText(name(flow, step.from()) + "  →  " + name(flow, step.to()));
        params.getChildren().clear();
        int row = 0;
        for (Map.Entry<String, String> p : step.parameters().entrySet()) {
            Label key = new Label(p.getKey());
            key.getStyleClass().add("param-name");
            key.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            Label value = new Label(p.getValue());
            value.getStyleClass().add("param-value");
            value.setWrapText(true);
            params.addRow(row++, key, value);
        }
        params.setManaged(row > 0);
        params.setVisible(row > 0);
        conditions.getChildren().clear();
        int conditionRow = 0;
        for (Map.Entry<String, String> c : step.conditionContext().entrySet()) {
            Label key = new Label(c.getKey());
            key.getStyleClass().add("param-name");
            key.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            Label value = new Label(c.getValue());
            value.getStyleClass().add("param-value");
            value.setWrapText(true);
            conditions.addRow(conditionRow++, key, value);
        }
        boolean hasConditions = conditionRow > 0;
        conditions.setManaged(hasConditions);
        conditions.setVisible(hasConditions);
        conditionHeading.setManaged(hasConditions);
        conditionHeading.setVisible(hasConditions);
        boolean failed = step.failure().isPresent();
        failure.setText(step.failure().map(f -> f.errorCode() + ": " + f.message()).orElse(""));
        failure.setManaged(failed);
        failure.setVisible(failed);
        narration.setText(step.narration());
        simulation.setText(step.simulation());
        simulationBox.setManaged(step.simulated());
        simulationBox.setVisible(step.simulated());
        tip.setText(step.examTip());
        tip.setManaged(!step.examTip().isBlank());
        tip.setVisible(!step.examTip().isBlank());
        states.getChildren().clear();
        for (String change : step.stateChanges()) {
            Label l = new Label(change, new FontIcon(Feather.CHECK_CIRCLE));
            l.getStyleClass().add("state-change");
            l.setWrapText(true);
            states.getChildren().add(l);
        }
    }

    private static String name(Flow flow, String actorId) {
        return flow.actor(actorId).map(a -> a.name()).orElse(actorId);
    }
}
