package dev.kmslab.ui.keylab.clock;

import dev.kmslab.ui.keylab.common.ErrorBox;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The time machine bar at the top of the Key Lab: the simulated time and buttons to move it. */
public final class ClockBar extends VBox {

    private final FlowPane row;

    /**
     * Adds a tool to the bar's row (it wraps with the time-travel buttons on a narrow window) and its messages under
     * the row.
     */
    public void addTool(javafx.scene.Node tool, javafx.scene.Node messages) {
        row.getChildren().add(tool);
        getChildren().add(getChildren().size() - 1, messages);
    }

    /** Puts a node at the end of the bar's row, or takes it out again. */
    public void showInRow(javafx.scene.Node node, boolean shown) {
        if (shown && !row.getChildren().contains(node)) {
            row.getChildren().add(node);
        } else if (!shown) {
            row.getChildren().remove(node);
        }
    }

    public ClockBar(ClockViewModel model) {
        setId("clock-bar");
        getStyleClass().add("clock-bar");
        Label now = new Label();
        now.setId("clock-now");
        now.getStyleClass().add("clock-now");
        now.setGraphic(new FontIcon(Feather.CLOCK));
        now.textProperty().bind(model.nowTextProperty());
        Label mode = new Label();
        mode.setId("clock-mode");
        mode.getStyleClass().add("clock-mode");
        mode.textProperty().bind(javafx.beans.binding.Bindings.when(model.realTimeProperty())
                .then("real time").otherwise("simulated"));
        mode.setTooltip(new Tooltip("The lab's clock. Moving it forward applies every automatic rotation and "
                + "deletion that falls due on the way, as AWS would meanwhile."));
        Button day = button("clock-plus-day", "+1 day", () -> model.advance(ClockViewModel.DAY));
        Button month = button("clock-plus-month", "+30 days", () -> model.advance(ClockViewModel.MONTH));
        Button year = button("clock-plus-year", "+1 year", () -> model.advance(ClockViewModel.YEAR));
        Button next = button("clock-next-event", "Next event", model::advanceToNextEvent);
        next.setGraphic(new FontIcon(Feather.SKIP_FORWARD));
        Tooltip preview = new Tooltip();
        preview.textProperty().bind(model.nextEventProperty());
        next.setTooltip(preview);
        next.disableProperty().bind(model.hasNextEventProperty().not());
        Button real = button("clock-real-time", "Back to real time", model::backToRealTime);
        real.setGraphic(new FontIcon(Feather.ROTATE_CCW));
        real.disableProperty().bind(model.realTimeProperty());
        HBox time = new HBox(now, mode);
        time.setAlignment(Pos.CENTER_LEFT);
        time.getStyleClass().add("clock-row");
        for (Button b : new Button[] {day, month, year, next, real}) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        javafx.scene.Node nextBox = dev.kmslab.ui.common.WhyDisabled.wrap(next, javafx.beans.binding.Bindings.when(
                model.hasNextEventProperty()).then("").otherwise("Nothing is scheduled: no automatic "
                + "rotation or key deletion is pending."));
        javafx.scene.Node realBox = dev.kmslab.ui.common.WhyDisabled.wrap(real, javafx.beans.binding.Bindings.when(
                model.realTimeProperty()).then("The lab already follows real time; move the clock forward "
                + "first.").otherwise(""));
        now.setMinWidth(Region.USE_PREF_SIZE);
        // In a narrow window (1024 px, or a large zoom) the buttons move under the time instead of being cut to
        // "Next ..." and "Back to real..."; they wrap one by one, so even 1024 px at 150% zoom keeps them whole. The
        // time stands apart from the buttons by a wider gap than the buttons between them.
        FlowPane row = new FlowPane(time, day, month, year, nextBox, realBox);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("clock-flow");
        row.hgapProperty().bind(now.fontProperty().map(f -> f.getSize() * 0.45));
        row.vgapProperty().bind(now.fontProperty().map(f -> f.getSize() * 0.4));
        now.fontProperty().addListener((o, was, f) -> FlowPane.setMargin(time,
                new javafx.geometry.Insets(0, f.getSize() * 1.5, 0, 0)));
        FlowPane.setMargin(time, new javafx.geometry.Insets(0, now.getFont().getSize() * 1.5, 0, 0));
        Label last = new Label();
        last.setId("clock-last-change");
        last.getStyleClass().add("muted");
        last.setWrapText(true);
        last.textProperty().bind(model.lastChangeProperty());
        last.managedProperty().bind(last.textProperty().isNotEmpty());
        last.visibleProperty().bind(last.managedProperty());
        this.row = row;
        getChildren().addAll(row, last, new ErrorBox("clock-error", model.errorProperty()));
        // While the lab follows real time, the shown minute has to keep up with it.
        Timeline tick = new Timeline(new KeyFrame(javafx.util.Duration.seconds(20), e -> {
            if (model.realTimeProperty().get()) {
                model.refresh();
            }
        }));
        tick.setCycleCount(Timeline.INDEFINITE);
        tick.play();
    }

    private static Button button(String id, String text, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }
}
