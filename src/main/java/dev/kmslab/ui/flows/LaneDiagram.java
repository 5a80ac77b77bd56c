package dev.kmslab.ui.flows;

import dev.kmslab.flow.Actor;
import dev.kmslab.flow.Flow;
import dev.kmslab.flow.Payload;
import dev.kmslab.flow.Step;
import java.util.ArrayList;
import java.util.List;
import javafx.animation.Interpolator;
import javafx.animation.KeyFrame;
import javafx.animation.KeyValue;
import javafx.animation.ParallelTransition;
import javafx.animation.Timeline;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Polyline;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The sequence diagram: one lane per actor with its lifeline, and the most recent steps as arrows, the current one
 * drawn as it happens with its payload chips travelling along it. Sizes follow the font size so zoom and presenter
 * mode scale it.
 */
final class LaneDiagram extends Pane {

    private Flow flow;
    private int index = -1;
    private ParallelTransition current;
    private Runnable pendingDone;
    // A step asked to animate before the diagram had a size (just shown): it animates once laid out.
    private double deferredMillis;
    private final Label probe = new Label();

    LaneDiagram() {
        getStyleClass().add("lane-diagram");
        probe.setManaged(false);
        probe.setVisible(false);
        // Later, not now: the font changes during a CSS pass, and children replaced during it would miss their styles.
        probe.fontProperty().addListener((o, a, b) -> javafx.application.Platform.runLater(this::onResize));
        // The height's minimum comes from the stylesheet; the width's is what the lanes need (computeMinWidth).
        setMinHeight(0);
        widthProperty().addListener((o, a, b) -> onResize());
        heightProperty().addListener((o, a, b) -> onResize());
    }

    /** Shows {@code step} of {@code newFlow}; when animating, runs {@code done} once the packets have arrived. */
    void show(Flow newFlow, int step, boolean animate, double millis, Runnable done) {
        flow = newFlow;
        index = step;
        redraw(animate && millis > 0, millis, done);
    }

    // A resize in the middle of a step (the panels below reflow) redraws and carries on for the time that was left.
    private void onResize() {
        if (deferredMillis > 0) {
            if (getWidth() > 0 && getHeight() > 0) {
                double millis = deferredMillis;
                deferredMillis = 0;
                redraw(true, millis, pendingDone);
            }
        } else if (isAnimating()) {
            double left = current.getTotalDuration().subtract(current.getCurrentTime()).toMillis();
            redraw(left > 0, left, pendingDone);
        } else {
            redraw(false, 0, null);
        }
    }

    boolean isAnimating() {
        return current != null && current.getStatus() == javafx.animation.Animation.Status.RUNNING;
    }

    private void redraw(boolean animate, double millis, Runnable done) {
        pendingDone = done;
        if (current != null) {
            current.stop();
            current = null;
        }
        getChildren().setAll(probe);
        if (flow != null && animate && (getWidth() <= 0 || getHeight() <= 0)) {
            deferredMillis = millis;
            return;
        }
        deferredMillis = 0;
        if (flow == null || getWidth() <= 0 || getHeight() <= 0) {
            if (done != null) {
                done.run();
            }
            return;
        }
        double unit = fontSize();
        List<Actor> actors = flow.actors();
        double margin = unit;
        double laneWidth = (getWidth() - 2 * margin) / actors.size();
        List<Label> heads = new ArrayList<>();
        for (int i = 0; i < actors.size(); i++) {
            double x = margin + laneWidth * (i + 0.5);
            Label head = new Label(actors.get(i).name(), new FontIcon(Visuals.icon(actors.get(i).kind())));
            head.getStyleClass().addAll("actor-box", "actor-" + actors.get(i).kind().name().toLowerCase());
            head.setId("actor-" + actors.get(i).id());
            head.setWrapText(true);
            head.setMaxWidth(laneWidth - unit * 0.6);
            head.setPrefWidth(laneWidth - unit * 0.6);
            head.setContentDisplay(javafx.scene.control.ContentDisplay.LEFT);
            // A narrow lane may still shorten the name; the whole name is a tooltip away.
            head.setTooltip(new javafx.scene.control.Tooltip(actors.get(i).name()));
            head.relocate(x - (laneWidth - unit * 0.6) / 2, unit * 0.6);
            getChildren().add(head);
            fitHeader(head, laneWidth - unit * 0.6);
            heads.add(head);
        }
        // All headers as tall as the tallest name needs (three lines of a narrow lane), at least three units.
        double headHeight = unit * 3;
        for (Label head : heads) {
            headHeight = Math.max(headHeight, Math.ceil(head.prefHeight(laneWidth - unit * 0.6)));
        }
        for (Label head : heads) {
            head.setMinHeight(headHeight);
            head.setPrefHeight(headHeight);
        }
        double headerBottom = unit * 1.2 + headHeight;
        for (int i = 0; i < actors.size(); i++) {
            double x = margin + laneWidth * (i + 0.5);
            Line life = new Line(x, headerBottom, x, getHeight() - unit * 0.5);
            life.getStyleClass().add("lifeline");
            getChildren().add(0, life);
        }
        if (index < 0) {
            return;
        }
        double rowHeight = unit * 4.6;
        int rows = Math.max(1, (int) ((getHeight() - headerBottom - unit) / rowHeight));
        int first = Math.max(0, index - rows + 1);
        List<javafx.animation.Animation> anims = new ArrayList<>();
        for (int k = first; k <= index; k++) {
            double y = headerBottom + unit * 2.4 + (k - first) * rowHeight;
            boolean isCurrent = k == index;
            drawStep(flow.steps().get(k), k, y, laneWidth, margin, unit, isCurrent, isCurrent && animate, millis,
                    anims);
        }
        if (!anims.isEmpty()) {
            current = new ParallelTransition(anims.toArray(new javafx.animation.Animation[0]));
            current.setOnFinished(e -> {
                if (done != null) {
                    done.run();
                }
            });
            current.play();
        } else if (done != null) {
            done.run();
        }
    }

    /**
     * The least width a lane needs: its header holds the widest word of any actor's name ("application",
     * "CloudTrail") at full size, so no name is shrunk or broken mid-word; when the lanes need more than the player
     * has, the lane area scrolls sideways.
     */
    double minLaneWidth() {
        if (flow == null) {
            return 0;
        }
        double unit = fontSize();
        javafx.scene.text.Text ruler = new javafx.scene.text.Text();
        ruler.setFont(javafx.scene.text.Font.font(probe.getFont().getFamily(), javafx.scene.text.FontWeight.BOLD,
                unit * HEADER_SCALE));
        double widest = 0;
        for (Actor a : flow.actors()) {
            for (String word : a.name().split(" ")) {
                ruler.setText(word);
                widest = Math.max(widest, ruler.getLayoutBounds().getWidth());
            }
        }
        // The header's padding and border, 5% to spare (see fit) and the gap between headers.
        return widest / 0.95 + unit * 0.8 + 3 + unit * 0.6;
    }

    /** The header's type size in the stylesheet (.actor-box), relative to the diagram's. */
    private static final double HEADER_SCALE = 0.92;

    // What the diagram shows follows its size, not the other way round: the steps and chips drawn must not make the
    // lane area ask for more height (a row of wrapped chips pushed the narration down).
    @Override
    protected double computePrefHeight(double width) {
        return minHeight(width);
    }

    @Override
    protected double computeMinWidth(double height) {
        return flow == null ? 0 : 2 * fontSize() + minLaneWidth() * flow.actors().size();
    }

    /**
     * Puts a lane header's icon beside its name while the name takes at most two lines, drops the icon otherwise: a
     * narrow lane (a large zoom, many actors) must not cut "Your applic…" or break "CloudTrail" mid-word, and the
     * name keeps its full type size.
     */
    private static void fitHeader(Label head, double width) {
        head.setStyle(null);
        head.setContentDisplay(javafx.scene.control.ContentDisplay.LEFT);
        head.applyCss();
        javafx.scene.text.Font font = head.getFont();
        double insets = head.getInsets().getLeft() + head.getInsets().getRight() + 1;
        double icon = head.getGraphic() == null ? 0
                : head.getGraphic().prefWidth(-1) + head.getGraphicTextGap();
        if (fit(head, font, width - insets - icon, 2, 1.0)) {
            return;
        }
        // A narrow lane: the name without its icon, at full size on up to three lines (three lines fill the
        // header's three units). The lane is never narrower than the widest word (minLaneWidth).
        head.setGraphic(null);
        fit(head, font, width - insets, 3, 1.0);
    }

    // The largest type from {@code start} down to 60% at which every word fits in the room within maxLines lines.
    private static boolean fit(Label head, javafx.scene.text.Font font, double room, int maxLines, double start) {
        for (double scale = start; scale > 0.95; scale -= 0.05) {
            javafx.scene.text.Font f = javafx.scene.text.Font.font(font.getFamily(),
                    javafx.scene.text.FontWeight.BOLD, font.getSize() * scale);
            // 5% to spare: the label's own wrap breaks a little earlier than this estimate.
            if (linesNeeded(head.getText(), f, room * 0.95) <= maxLines) {
                if (scale < 1.0) {
                    // Inline style: a stylesheet's font size would win over setFont.
                    head.setStyle(String.format(java.util.Locale.ROOT, "-fx-font-size: %.2fpx;", f.getSize()));
                }
                return true;
            }
        }
        return false;
    }

    // Lines a greedy word wrap needs for the text in this width; a word wider than the width counts as too many.
    private static int linesNeeded(String text, javafx.scene.text.Font font, double width) {
        javafx.scene.text.Text probe = new javafx.scene.text.Text();
        probe.setFont(font);
        int lines = 1;
        String line = "";
        for (String word : text.split(" ")) {
            probe.setText(word);
            if (probe.getLayoutBounds().getWidth() > width) {
                return Integer.MAX_VALUE;
            }
            String candidate = line.isEmpty() ? word : line + " " + word;
            probe.setText(candidate);
            if (probe.getLayoutBounds().getWidth() > width) {
                lines++;
                line = word;
            } else {
                line = candidate;
            }
        }
        return lines;
    }

    private double fontSize() {
        // Follows the inherited -fx-font-size (zoom, presenter mode): the probe is styled like any label here.
        return probe.getFont().getSize();
    }

    private void drawStep(Step step, int number, double y, double laneWidth, double margin, double unit,
                          boolean isCurrent, boolean animate, double millis, List<javafx.animation.Animation> anims) {
        int fromLane = flow.laneOf(step.from());
        int toLane = flow.laneOf(step.to());
        double x1 = margin + laneWidth * (fromLane + 0.5);
        double x2 = margin + laneWidth * (toLane + 0.5);
        String state = step.failed() ? "failed" : isCurrent ? "current" : "past";
        Label label = new Label((number + 1) + ". " + step.action());
        label.getStyleClass().addAll("arrow-label", state);
        if (isCurrent) {
            label.setId("current-arrow-label");
        }
        // Chips wrap onto more lines rather than running past their lane or the diagram's edge.
        javafx.scene.layout.FlowPane chips = new javafx.scene.layout.FlowPane(unit * 0.3, unit * 0.25);
        chips.getStyleClass().add("packets");
        if (isCurrent) {
            chips.setId("packets");
            chips.getChildren().addAll(Visuals.chips(step.payloads()));
        }
        if (fromLane == toLane) {
            double w = Math.min(laneWidth * 0.35, unit * 3);
            Polyline loop = new Polyline(x1, y - unit * 0.6, x1 + w, y - unit * 0.6, x1 + w, y + unit * 0.6,
                    x1 + unit * 0.5, y + unit * 0.6);
            loop.getStyleClass().addAll("arrow", state);
            Polygon head = arrowHead(x1, y + unit * 0.6, -1, unit);
            head.getStyleClass().addAll("arrow-head", state);
            // Right of the loop, unless that runs past the diagram's edge (a step on the last lanes, "9. AES-256-GCM
            // encrypt" on the worker's): then left of the lifeline, ending where the loop starts.
            double right = x1 + w + unit * 0.4;
            Runnable placeLabel = () -> {
                double lw = label.getWidth();
                double x = right + lw <= getWidth() - unit * 0.3 ? right : Math.max(unit * 0.3, x1 - unit * 0.4 - lw);
                label.relocate(x, y - unit * 1.2);
            };
            label.widthProperty().addListener((o, a, b) -> placeLabel.run());
            placeLabel.run();
            getChildren().addAll(loop, head, label);
            if (isCurrent) {
                getChildren().add(chips);
                // Under the loop, from the lane's left edge: they wrap before the diagram's right edge (the lanes to
                // the right have nothing in this row).
                double laneLeft = x1 - laneWidth / 2 + unit * 0.3;
                chips.setPrefWrapLength(Math.max(laneWidth - unit * 0.6, getWidth() - laneLeft - unit * 0.6));
                Runnable placeLoop = () -> chips.relocate(Math.max(unit * 0.3, Math.min(laneLeft,
                        getWidth() - chips.getWidth() - unit * 0.3)), y + unit * 0.9);
                chips.widthProperty().addListener((o, a, b) -> placeLoop.run());
                placeLoop.run();
                if (animate) {
                    chips.setOpacity(0);
                    anims.add(new Timeline(new KeyFrame(Duration.millis(millis),
                            new KeyValue(chips.opacityProperty(), 1, Interpolator.EASE_OUT))));
                }
            }
            return;
        }
        double dir = Math.signum(x2 - x1);
        double end = x2 - dir * unit * 0.3;
        Line line = new Line(x1, y, end, y);
        line.getStyleClass().addAll("arrow", state);
        Polygon head = arrowHead(end, y, dir, unit);
        head.getStyleClass().addAll("arrow-head", state);
        double labelX = Math.min(x1, x2) + unit * 0.5;
        label.relocate(labelX, y - unit * 1.7);
        getChildren().addAll(line, head, label);
        if (!isCurrent) {
            return;
        }
        getChildren().add(chips);
        chips.setPrefWrapLength(Math.max(unit, Math.max(Math.abs(x2 - x1), laneWidth) - unit * 0.6));
        // The chips' width is known only after CSS, so their position is recomputed from the animation's progress
        // whenever either changes: they leave from the sender's lifeline and stop at the arrow head.
        javafx.beans.property.DoubleProperty progress = new javafx.beans.property.SimpleDoubleProperty(animate ? 0 : 1);
        Runnable place = () -> {
            double w = chips.getWidth();
            double centre = x1 + (x2 - x1) * progress.get();
            double left = Math.max(unit * 0.3, Math.min(getWidth() - w - unit * 0.3, centre - w / 2));
            chips.relocate(left, y + unit * 0.35);
        };
        chips.widthProperty().addListener((o, a, b) -> place.run());
        progress.addListener((o, a, b) -> place.run());
        place.run();
        if (animate) {
            line.setEndX(x1);
            head.setOpacity(0);
            Duration d = Duration.millis(millis);
            anims.add(new Timeline(
                    new KeyFrame(d, new KeyValue(line.endXProperty(), end, Interpolator.EASE_BOTH),
                            new KeyValue(progress, 1, Interpolator.EASE_BOTH)),
                    new KeyFrame(d.multiply(0.85), new KeyValue(head.opacityProperty(), 0)),
                    new KeyFrame(d, new KeyValue(head.opacityProperty(), 1))));
        }
    }

    private static Polygon arrowHead(double x, double y, double dir, double unit) {
        double len = unit * 0.7;
        double half = unit * 0.38;
        return new Polygon(x, y, x - dir * len, y - half, x - dir * len, y + half);
    }

    /** Jumps any running animation to its end (for snapshots and for stepping while a step still plays). */
    void finish() {
        if (current != null) {
            current.jumpTo("end");
        }
    }
}
