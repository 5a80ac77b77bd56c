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
        // The minimum size is in kmslab.css, in em, so it grows with the zoom and the service names.
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
        // The ellipse keeps every node inside the pane: its radii leave half the widest and tallest node free.
        double halfW = 0;
        double halfH = 0;
        for (Spoke s : spokes) {
            double nw = nodeWidth(s.node());
            halfW = Math.max(halfW, nw / 2);
            halfH = Math.max(halfH, s.node().prefHeight(nw) / 2);
        }
        double rx = Math.max(hub.prefWidth(-1) / 2 + halfW, w / 2 - halfW - MARGIN);
        double ry = Math.max(hub.prefHeight(-1) / 2 + halfH, h / 2 - halfH - MARGIN);
        // Start at the top and go clockwise so the order in services.json reads like a clock face; on a small map
        // the start turns a little where that keeps neighbours apart.
        double best = 0;
        double bestOverlap = Double.MAX_VALUE;
        for (int turn = 0; turn < TURNS && n > 0; turn++) {
            double offset = 2 * Math.PI / n * turn / TURNS;
            placeNodes(cx, cy, rx, ry, offset);
            double overlap = nodeOverlap();
            if (overlap < bestOverlap - 0.5) {
                bestOverlap = overlap;
                best = offset;
            }
            if (overlap == 0) {
                break;
            }
        }
        placeNodes(cx, cy, rx, ry, best);
        if (bestOverlap > 0) {
            pushApart(w, h);
        }
        List<javafx.geometry.Bounds> taken = new ArrayList<>();
        taken.add(hub.getBoundsInParent());
        for (Spoke s : spokes) {
            taken.add(s.node().getBoundsInParent());
            s.edge().setStartX(cx);
            s.edge().setStartY(cy);
            s.edge().setEndX(centreX(s.node()));
            s.edge().setEndY(centreY(s.node()));
        }
        javafx.geometry.Bounds inside = new javafx.geometry.BoundingBox(0, 0, w, h);
        for (Spoke s : spokes) {
            placeLabel(s, cx, cy, taken, inside);
        }
    }

    private static final double MARGIN = 6;
    private static final int TURNS = 8;

    private void placeNodes(double cx, double cy, double rx, double ry, double offset) {
        int n = spokes.size();
        for (int i = 0; i < n; i++) {
            double angle = -Math.PI / 2 + 2 * Math.PI * i / n + offset;
            place(spokes.get(i).node(), cx + rx * Math.cos(angle), cy + ry * Math.sin(angle));
        }
    }

    // A small map: nodes that still cover each other (or the hub) move apart along the shorter way out, as little as
    // needed, and stay inside the pane. The hub stays put.
    private void pushApart(double w, double h) {
        for (int round = 0; round < 60; round++) {
            boolean moved = false;
            for (int i = 0; i < spokes.size(); i++) {
                Label a = spokes.get(i).node();
                moved |= separate(a, hub, false, w, h);
                for (int j = i + 1; j < spokes.size(); j++) {
                    moved |= separate(a, spokes.get(j).node(), true, w, h);
                }
            }
            if (!moved) {
                return;
            }
        }
    }

    private static boolean separate(Label a, Label b, boolean moveBoth, double w, double h) {
        javafx.geometry.Bounds ba = a.getBoundsInParent();
        javafx.geometry.Bounds bb = b.getBoundsInParent();
        double ow = Math.min(ba.getMaxX(), bb.getMaxX()) - Math.max(ba.getMinX(), bb.getMinX());
        double oh = Math.min(ba.getMaxY(), bb.getMaxY()) - Math.max(ba.getMinY(), bb.getMinY());
        if (ow <= 0 || oh <= 0) {
            return false;
        }
        double share = moveBoth ? 0.5 : 1;
        if (oh <= ow) {
            double d = (oh + 2) * share * Math.signum(centreY(a) - centreY(b) + 0.01);
            moveTo(a, a.getLayoutX(), a.getLayoutY() + d, w, h);
            if (moveBoth) {
                moveTo(b, b.getLayoutX(), b.getLayoutY() - d, w, h);
            }
        } else {
            double d = (ow + 2) * share * Math.signum(centreX(a) - centreX(b) + 0.01);
            moveTo(a, a.getLayoutX() + d, a.getLayoutY(), w, h);
            if (moveBoth) {
                moveTo(b, b.getLayoutX() - d, b.getLayoutY(), w, h);
            }
        }
        return true;
    }

    private static void moveTo(Label node, double x, double y, double w, double h) {
        node.relocate(Math.round(Math.max(0, Math.min(w - node.getWidth(), x))),
                Math.round(Math.max(0, Math.min(h - node.getHeight(), y))));
    }

    // The area by which service nodes cover each other (or the hub).
    private double nodeOverlap() {
        double total = 0;
        for (int i = 0; i < spokes.size(); i++) {
            javafx.geometry.Bounds a = spokes.get(i).node().getBoundsInParent();
            total += area(a, hub.getBoundsInParent());
            for (int j = i + 1; j < spokes.size(); j++) {
                total += area(a, spokes.get(j).node().getBoundsInParent());
            }
        }
        return total;
    }

    private static double area(javafx.geometry.Bounds a, javafx.geometry.Bounds b) {
        double w = Math.min(a.getMaxX(), b.getMaxX()) - Math.max(a.getMinX(), b.getMinX());
        double h = Math.min(a.getMaxY(), b.getMaxY()) - Math.max(a.getMinY(), b.getMinY());
        return w > 0 && h > 0 ? w * h : 0;
    }

    private static double centreX(Label node) {
        return node.getLayoutX() + node.getWidth() / 2;
    }

    private static double centreY(Label node) {
        return node.getLayoutY() + node.getHeight() / 2;
    }

    // Greedy: slide each edge label along its edge to the first spot that overlaps neither a node nor an earlier
    // label, so neighbouring edges that run almost parallel keep readable labels. A label with no free spot (a small
    // window) is left out rather than drawn over a service; the service's panel and tooltip say the same.
    private static void placeLabel(Spoke s, double cx, double cy, List<javafx.geometry.Bounds> taken,
                                   javafx.geometry.Bounds inside) {
        double x = s.edge().getEndX();
        double y = s.edge().getEndY();
        s.edgeLabel().setVisible(true);
        for (double t : LABEL_POSITIONS) {
            place(s.edgeLabel(), cx + (x - cx) * t, cy + (y - cy) * t);
            javafx.geometry.Bounds b = s.edgeLabel().getBoundsInParent();
            if (contains(inside, b) && taken.stream().noneMatch(o -> o.intersects(b))) {
                taken.add(b);
                return;
            }
        }
        s.edgeLabel().setVisible(false);
    }

    private static boolean contains(javafx.geometry.Bounds outer, javafx.geometry.Bounds b) {
        return b.getMinX() >= outer.getMinX() && b.getMinY() >= outer.getMinY() && b.getMaxX() <= outer.getMaxX()
                && b.getMaxY() <= outer.getMaxY();
    }

    // A service's name wraps onto a second line past its maximum width (set in CSS, so it follows the zoom).
    private static double nodeWidth(Label node) {
        double pw = node.prefWidth(-1);
        double max = node.getMaxWidth();
        return max > 0 && max < pw ? max : pw;
    }

    private static final double[] LABEL_POSITIONS = {0.55, 0.45, 0.65, 0.38, 0.72, 0.3, 0.8};

    private static void place(Label label, double centreX, double centreY) {
        double pw = nodeWidth(label);
        double ph = label.prefHeight(pw);
        label.resizeRelocate(Math.round(centreX - pw / 2), Math.round(centreY - ph / 2), pw, ph);
    }
}
