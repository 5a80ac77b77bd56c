package dev.kmslab.ui.services;

import dev.kmslab.study.content.ServiceEntry;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Line;

/**
 * The diagram: KMS in the centre and each service on an ellipse around it, joined by labelled edges. Positions are
 * recomputed on every layout pass so the map always fills the window, whatever its size or zoom.
 */
final class ServiceMapPane extends Pane {

    record Spoke(ServiceEntry service, Label node, Line edge, Label edgeLabel) {
    }

    private final Label hub;
    private final List<Spoke> spokes = new ArrayList<>();

    ServiceMapPane(Label hub) {
        this.hub = hub;
        getStyleClass().add("service-map");
        getChildren().add(hub);
        setMinSize(420, 360);
    }

    void setSpokes(List<Spoke> newSpokes) {
        getChildren().clear();
        spokes.clear();
        spokes.addAll(newSpokes);
        for (Spoke s : spokes) {
            getChildren().add(s.edge());
        }
        for (Spoke s : spokes) {
            getChildren().add(s.edgeLabel());
        }
        getChildren().add(hub);
        for (Spoke s : spokes) {
            getChildren().add(s.node());
        }
        requestLayout();
    }

    List<Spoke> spokes() {
        return spokes;
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        double cx = w / 2;
        double cy = h / 2;
        place(hub, cx, cy);
        int n = spokes.size();
        double rx = Math.max(120, w / 2 - 110);
        double ry = Math.max(110, h / 2 - 50);
        List<javafx.geometry.Bounds> taken = new ArrayList<>();
        taken.add(hub.getBoundsInParent());
        for (int i = 0; i < n; i++) {
            Spoke s = spokes.get(i);
            // Start at the top and go clockwise so the order in services.json reads like a clock face.
            double angle = -Math.PI / 2 + 2 * Math.PI * i / n;
            double x = cx + rx * Math.cos(angle);
            double y = cy + ry * Math.sin(angle);
            place(s.node(), x, y);
            taken.add(s.node().getBoundsInParent());
            s.edge().setStartX(cx);
            s.edge().setStartY(cy);
            s.edge().setEndX(x);
            s.edge().setEndY(y);
        }
        for (Spoke s : spokes) {
            placeLabel(s, cx, cy, taken);
        }
    }

    // Greedy: slide each edge label along its edge to the first spot that overlaps neither a node nor an earlier
    // label, so neighbouring edges that run almost parallel keep readable labels.
    private static void placeLabel(Spoke s, double cx, double cy, List<javafx.geometry.Bounds> taken) {
        double x = s.edge().getEndX();
        double y = s.edge().getEndY();
        for (double t : LABEL_POSITIONS) {
            place(s.edgeLabel(), cx + (x - cx) * t, cy + (y - cy) * t);
            javafx.geometry.Bounds b = s.edgeLabel().getBoundsInParent();
            if (taken.stream().noneMatch(o -> o.intersects(b))) {
                taken.add(b);
                return;
            }
        }
        place(s.edgeLabel(), cx + (x - cx) * 0.55, cy + (y - cy) * 0.55);
        taken.add(s.edgeLabel().getBoundsInParent());
    }

    private static final double[] LABEL_POSITIONS = {0.55, 0.45, 0.65, 0.38, 0.72, 0.3, 0.8};

    private static void place(Label label, double centreX, double centreY) {
        double pw = label.prefWidth(-1);
        double ph = label.prefHeight(pw);
        label.resizeRelocate(Math.round(centreX - pw / 2), Math.round(centreY - ph / 2), pw, ph);
    }
}
