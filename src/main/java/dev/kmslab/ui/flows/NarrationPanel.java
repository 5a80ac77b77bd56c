package dev.kmslab.ui.flows;

import dev.kmslab.flow.Flow;
import dev.kmslab.flow.Step;
import java.util.Map;
import dev.kmslab.ui.common.WholeWordsLabel;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** What the current step does and why: its message and parameters, the narration, the exam tip, what changed. */
final class NarrationPanel extends VBox {

    // Whole-words labels: never narrower than their widest word, so "GenerateDataKey" or "(aws-crypto-public-key)."
    // is never broken mid-word; the panel's scroll pane asks for that width (see FlowPlayerView).
    private final Label counter = new WholeWordsLabel(null);
    private final Label title = new WholeWordsLabel(null);
    private final Label route = new WholeWordsLabel(null);
    private final GridPane params = new GridPane();
    private final Label conditionHeading = new Label("Condition context KMS evaluates (not a request parameter)");
    private final GridPane conditions = new GridPane();
    private final Label failure = new WholeWordsLabel(null);
    private final Label narration = new WholeWordsLabel(null);
    private final Label tip = new WholeWordsLabel(null);
    // What the step shows beyond AWS documentation, under its own badge so it is never mistaken for AWS output.
    private final Label simulationBadge = new Label("KMS Lab simulation", new FontIcon(Feather.CPU));
    private final Label simulation = new WholeWordsLabel(null);
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
        tip.setGraphic(new FontIcon(Feather.AWARD));
        tip.setId("step-tip");
        tip.getStyleClass().addAll("exam-tip", "step-tip");
        tip.setWrapText(true);
        states.getStyleClass().add("state-changes");
        simulationBadge.setId("step-simulation-badge");
        // "KMS Lab simulation" stays whole in the narrow column of a 1024-pixel window ("KMS Lab simulat...").
        simulationBadge.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        simulationBadge.getStyleClass().add("simulation-badge");
        simulation.setId("step-simulation");
        simulation.getStyleClass().add("simulation-text");
        simulation.setWrapText(true);
        simulation.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        simulationBox.setId("step-simulation-box");
        simulationBox.getStyleClass().add("simulation-note");
        narration.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        counter.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        title.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        route.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        conditionHeading.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
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
            row = addParam(params, row, p.getKey(), p.getValue());
        }
        params.setManaged(row > 0);
        params.setVisible(row > 0);
        conditions.getChildren().clear();
        int conditionRow = 0;
        for (Map.Entry<String, String> c : step.conditionContext().entrySet()) {
            conditionRow = addParam(conditions, conditionRow, c.getKey(), c.getValue());
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
            // Whole words in the narrow column of a small window ("applic" / "ation" otherwise).
            Label l = new WholeWordsLabel(change);
            l.setGraphic(new FontIcon(Feather.CHECK_CIRCLE));
            l.getStyleClass().add("state-change");
            l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            states.getChildren().add(l);
        }
    }

    /**
     * A parameter's name and value: side by side, the value wrapping at spaces (an ARN or Base64 may break anywhere),
     * unless the panel is narrower than the name and the value's widest word, then the value goes under its name.
     * Returns the next free row.
     */
    private int addParam(GridPane grid, int row, String name, String text) {
        Label key = new Label(name);
        key.getStyleClass().add("param-name");
        key.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label value = new WholeWordsLabel(WholeWordsLabel.breakAfterUnderscores(text));
        value.setAccessibleText(text);
        value.getStyleClass().add("param-value");
        value.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        // Beside a value of several lines, the name stays level with its first line.
        GridPane.setValignment(key, javafx.geometry.VPos.TOP);
        grid.add(key, 0, row);
        grid.add(value, 1, row);
        return row + 1;
    }

    /**
     * Puts every parameter's value beside its name when the panel is wide enough for both columns, under it
     * otherwise. Called before layout with the panel's width.
     */
    private void arrange(GridPane grid, double width) {
        double names = 0;
        double values = 0;
        for (javafx.scene.Node n : grid.getChildren()) {
            if (n.getStyleClass().contains("param-name")) {
                names = Math.max(names, n.prefWidth(-1));
            } else {
                values = Math.max(values, n.minWidth(-1));
            }
        }
        boolean side = width <= 0 || names + grid.getHgap() + values <= width;
        int row = 0;
        for (int i = 0; i + 1 < grid.getChildren().size(); i += 2) {
            javafx.scene.Node key = grid.getChildren().get(i);
            javafx.scene.Node value = grid.getChildren().get(i + 1);
            place(key, 0, row, side ? 1 : 2);
            place(value, side ? 1 : 0, side ? row : row + 1, side ? 1 : 2);
            row += side ? 1 : 2;
        }
    }

    // Only a change is set: setting a constraint asks for another layout pass.
    private static void place(javafx.scene.Node node, int column, int row, int span) {
        if (!Integer.valueOf(column).equals(GridPane.getColumnIndex(node))
                || !Integer.valueOf(row).equals(GridPane.getRowIndex(node))
                || !Integer.valueOf(span).equals(GridPane.getColumnSpan(node))) {
            GridPane.setConstraints(node, column, row, span, 1);
        }
    }

    /** The stacked layout's width: each parameter's value under its name. */
    private static double stackedMin(GridPane grid) {
        double widest = 0;
        if (grid.isManaged()) {
            for (javafx.scene.Node n : grid.getChildren()) {
                widest = Math.max(widest, n.getStyleClass().contains("param-name") ? n.prefWidth(-1)
                        : n.minWidth(-1));
            }
        }
        return widest;
    }

    /**
     * The narrowest the narration still reads as prose beside the Bytes card: 16 of its own ems (about 30 characters
     * a line). Narrower than that, the player puts the card under the narration instead.
     */
    double readableWidth() {
        javafx.scene.text.Font font = narration.getFont();
        return snappedLeftInset() + snappedRightInset() + 16 * (font == null ? 13 : font.getSize());
    }

    @Override
    protected double computeMinWidth(double height) {
        double widest = 0;
        for (javafx.scene.Node n : getChildren()) {
            if (n.isManaged()) {
                widest = Math.max(widest, n instanceof GridPane g ? stackedMin(g) : n.minWidth(-1));
            }
        }
        return snappedLeftInset() + snappedRightInset() + widest;
    }

    // Arranged for the width asked about first: parameters stacked under their names take more rows, and a height
    // measured side by side left the narration's last lines below the scroll pane's content at 1024x640.
    @Override
    protected double computePrefHeight(double width) {
        if (width > 0) {
            double inner = width - snappedLeftInset() - snappedRightInset();
            arrange(params, inner);
            arrange(conditions, inner);
        }
        return super.computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        double inner = getWidth() - snappedLeftInset() - snappedRightInset();
        arrange(params, inner);
        arrange(conditions, inner);
        super.layoutChildren();
    }

    private static String name(Flow flow, String actorId) {
        return flow.actor(actorId).map(a -> a.name()).orElse(actorId);
    }
}
