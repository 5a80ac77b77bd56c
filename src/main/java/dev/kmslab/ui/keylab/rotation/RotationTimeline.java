package dev.kmslab.ui.keylab.rotation;

import dev.kmslab.engine.model.RotationType;
import dev.kmslab.ui.keylab.common.LabFormat;
import java.time.Instant;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;

/**
 * Draws a {@link TimelineModel}: a time axis from the key's creation, a marker per material version (a square for
 * the original material, a circle for automatic rotations, a diamond for on-demand ones), a "now" line, and a dashed
 * marker at the next automatic rotation. Redrawn when the model or the width changes. Sizes follow the font size so
 * the drawing zooms with the rest of the app.
 */
public final class RotationTimeline extends Pane {

    private TimelineModel model;

    public RotationTimeline() {
        setId("rotation-timeline");
        getStyleClass().add("rotation-timeline");
        widthProperty().addListener((obs, was, now) -> redraw());
        heightProperty().addListener((obs, was, now) -> redraw());
        setMinHeight(180);
        setPrefHeight(220);
    }

    public void setModel(TimelineModel model) {
        this.model = model;
        redraw();
    }

    // The inherited font size (it follows the app's zoom), measured from a text node styled like the labels.
    private double em() {
        Text probe = new Text("M");
        probe.getStyleClass().add("timeline-label");
        getChildren().add(probe);
        probe.applyCss();
        double size = probe.getFont().getSize();
        getChildren().remove(probe);
        return size > 0 ? size : 13;
    }

    // Bounds of the labels drawn so far; a new label moves away from the axis until it overlaps none of them.
    private final java.util.List<javafx.geometry.Bounds> placed = new java.util.ArrayList<>();

    private void redraw() {
        getChildren().clear();
        placed.clear();
        double w = getWidth();
        double h = getHeight();
        if (model == null || w < 50) {
            if (model == null) {
                Text hint = new Text(24, 40, "Select a key to see its key material over time.");
                hint.getStyleClass().add("timeline-label");
                getChildren().add(hint);
            }
            return;
        }
        double em = em();
        double left = 3 * em;
        double right = w - 3 * em;
        double axisY = h * 0.5;
        Line axis = new Line(left, axisY, right, axisY);
        axis.getStyleClass().add("timeline-axis");
        getChildren().add(axis);
        tick(model.axisStart(), left, axisY, em);
        tick(model.axisEnd(), right, axisY, em);
        double nowX = x(model.now(), left, right);
        Line now = new Line(nowX, axisY - 4.2 * em, nowX, axisY + 4.2 * em);
        now.getStyleClass().add("timeline-now");
        getChildren().add(now);
        // Version labels sit nearest the axis; "deleted", "now" and "next" then find room around them.
        drawVersions(left, right, axisY, em);
        if (model.nextRotation() != null) {
            double nx = x(model.nextRotation(), left, right);
            Circle next = new Circle(nx, axisY, 0.65 * em);
            next.getStyleClass().add("timeline-next");
            install(next, "Next automatic rotation: " + LabFormat.dateTime(model.nextRotation()));
            Text label = new Text(nx - 3 * em, axisY + 3.2 * em, "next · " + LabFormat.date(model.nextRotation()));
            label.getStyleClass().addAll("timeline-label", "timeline-next-label");
            getChildren().add(next);
            place(label, 1.3 * em);
        }
        if (model.deletion() != null) {
            double dx = x(model.deletion(), left, right);
            Rectangle del = new Rectangle(dx - 0.15 * em, axisY - 2 * em, 0.3 * em, 4 * em);
            del.getStyleClass().add("timeline-deletion");
            install(del, "Key deletion: " + LabFormat.dateTime(model.deletion()));
            Text label = new Text(dx - 3 * em, axisY - 2.4 * em, "deleted · " + LabFormat.date(model.deletion()));
            label.getStyleClass().addAll("timeline-label", "timeline-deletion-label");
            getChildren().add(del);
            place(label, -1.3 * em);
        }
        Text nowLabel = new Text(nowX + 4, axisY - 3.6 * em, "now · " + LabFormat.date(model.now()));
        nowLabel.getStyleClass().addAll("timeline-label", "timeline-now-label");
        place(nowLabel, -1.3 * em);
    }

    /** Adds the label, moved by {@code step} (away from the axis) until it overlaps no label placed before. */
    private void place(Text label, double step) {
        getChildren().add(label);
        label.applyCss();
        for (int i = 0; i < 12 && overlapsPlaced(label.getBoundsInParent()); i++) {
            label.setY(label.getY() + step);
        }
        placed.add(label.getBoundsInParent());
    }

    private boolean overlapsPlaced(javafx.geometry.Bounds bounds) {
        return placed.stream().anyMatch(b -> b.intersects(bounds));
    }

    private void drawVersions(double left, double right, double axisY, double em) {
        for (TimelineModel.Version v : model.versions()) {
            double vx = x(v.at(), left, right);
            Node marker = marker(v, vx, axisY, em);
            install(marker, v.label() + "\n" + LabFormat.dateTime(v.at()));
            getChildren().add(marker);
            // Versions close together stack their labels upwards rather than printing over each other.
            Text label = new Text(vx - 0.5 * em, axisY - 1.6 * em, "v" + v.number());
            label.getStyleClass().addAll("timeline-label", "timeline-version-label");
            place(label, -1.3 * em);
        }
    }

    private static Node marker(TimelineModel.Version v, double x, double y, double em) {
        double r = 0.6 * em;
        Node shape;
        if (v.type() == null) {
            shape = new Rectangle(x - r, y - r, 2 * r, 2 * r);
            shape.getStyleClass().add("timeline-version-original");
        } else if (v.type() == RotationType.ON_DEMAND) {
            shape = new Polygon(x, y - 1.25 * r, x + 1.25 * r, y, x, y + 1.25 * r, x - 1.25 * r, y);
            shape.getStyleClass().add("timeline-version-on-demand");
        } else {
            shape = new Circle(x, y, r);
            shape.getStyleClass().add("timeline-version-automatic");
        }
        shape.getStyleClass().add("timeline-version");
        return shape;
    }

    private void tick(Instant at, double x, double axisY, double em) {
        Line t = new Line(x, axisY - 0.4 * em, x, axisY + 0.4 * em);
        t.getStyleClass().add("timeline-axis");
        getChildren().add(t);
        Text text = new Text(x, axisY + 1.7 * em, LabFormat.date(at));
        text.getStyleClass().addAll("timeline-label", "timeline-tick-label");
        getChildren().add(text);
        text.applyCss();
        // Centred under the tick, but never past either edge of the drawing.
        double width = text.getLayoutBounds().getWidth();
        text.setX(Math.max(2, Math.min(getWidth() - width - 4, x - width / 2)));
    }

    private double x(Instant at, double left, double right) {
        return left + model.fraction(at) * (right - left);
    }

    private static void install(Node node, String text) {
        Tooltip tip = new Tooltip(text);
        tip.setShowDelay(javafx.util.Duration.millis(150));
        Tooltip.install(node, tip);
    }

    /** The legend shown under the drawing. */
    public static Node legend() {
        Label original = new Label("original material", shape(new Rectangle(10, 10), "timeline-version-original"));
        Label automatic = new Label("automatic rotation", shape(new Circle(5), "timeline-version-automatic"));
        Label onDemand = new Label("on-demand rotation",
                shape(new Polygon(6, 0, 12, 6, 6, 12, 0, 6), "timeline-version-on-demand"));
        Label next = new Label("next automatic rotation", shape(new Circle(5), "timeline-next"));
        javafx.scene.layout.FlowPane legend = new javafx.scene.layout.FlowPane(16, 6, original, automatic, onDemand,
                next);
        legend.getStyleClass().add("timeline-legend");
        return legend;
    }

    private static Node shape(javafx.scene.shape.Shape s, String style) {
        s.getStyleClass().add(style);
        return s;
    }
}
