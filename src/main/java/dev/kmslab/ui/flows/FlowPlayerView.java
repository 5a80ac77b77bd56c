package dev.kmslab.ui.flows;

import dev.kmslab.flow.Flow;
import dev.kmslab.flow.Step;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The flow player: step list, actor lanes with animated arrows, narration, bytes and the transport controls.
 * Keyboard: Space plays or pauses, ← and → step, Home and End jump, F5 toggles presenter mode, Esc leaves it.
 */
public final class FlowPlayerView extends BorderPane {

    /** The vertical scroll bar's width, reserved in a scroll pane's minimum width (before its skin exists, a guess). */
    private static double scrollBarRoom(ScrollPane scroll) {
        javafx.scene.Node bar = null;
        for (javafx.scene.Node n : scroll.lookupAll(".scroll-bar")) {
            if (n instanceof javafx.scene.control.ScrollBar b && b.getOrientation() == javafx.geometry.Orientation.VERTICAL
                    && b.getParent() == scroll) {
                bar = b;
            }
        }
        return bar == null ? 16 : bar.prefWidth(-1) + 2;
    }

    private final FlowsViewModel vm;
    private final FlowPlayerModel model;
    private final LaneDiagram lanes = new LaneDiagram();
    private final NarrationPanel narration = new NarrationPanel();
    private final BytesPanel bytes = new BytesPanel();
    // Never narrower than its widest step name's widest word ("1. GenerateDataKeyWithoutPlaintext"), as each cell
    // asks: a list cut it at its right edge and scrolled sideways to show the rest.
    private final ListView<Step> steps = new ListView<>() {
        private double shownMin = -1;

        // Cells get their text while the list lays them out, when a size change no longer reaches the parents: a
        // new widest name asks for one more layout pass.
        @Override
        protected void layoutChildren() {
            super.layoutChildren();
            double min = computeMinWidth(-1);
            if (Math.abs(min - shownMin) > 0.5) {
                shownMin = min;
                javafx.application.Platform.runLater(this::requestLayout);
            }
        }

        @Override
        protected double computeMinWidth(double height) {
            double widest = 0;
            double bar = 0;
            for (javafx.scene.Node n : lookupAll(".list-cell")) {
                if (n instanceof StepCell cell && cell.getItem() != null && cell.isVisible()) {
                    widest = Math.max(widest, cell.minWidth(-1));
                }
            }
            for (javafx.scene.Node n : lookupAll(".scroll-bar")) {
                if (n instanceof javafx.scene.control.ScrollBar sb && sb.isVisible()
                        && sb.getOrientation() == javafx.geometry.Orientation.VERTICAL) {
                    bar = sb.getWidth();
                }
            }
            return Math.max(super.computeMinWidth(height), snappedLeftInset() + snappedRightInset() + widest + bar);
        }
    };
    private final Label title = new Label();
    private final PauseTransition hold = new PauseTransition();
    private final Label notice = new Label();
    private boolean syncingList;

    FlowPlayerView(FlowsViewModel vm, Runnable exportHtml, Runnable exportFrames) {
        this.vm = vm;
        this.model = vm.player();
        setId("flow-player");
        getStyleClass().add("flow-player");
        setTop(toolbar(exportHtml, exportFrames));
        setLeft(stepList());
        // The lanes fill the player's width and scroll sideways only when their names need more than it has.
        ScrollPane laneScroll = new ScrollPane(lanes) {
            @Override
            protected double computeMinHeight(double width) {
                return lanes.minHeight(-1);
            }
        };
        laneScroll.setId("lane-scroll");
        laneScroll.getStyleClass().add("lane-scroll");
        laneScroll.setFitToHeight(true);
        laneScroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        laneScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        lanes.prefWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> laneScroll.getViewportBounds().getWidth(), laneScroll.viewportBoundsProperty()));
        laneScroll.setFocusTraversable(false);
        VBox.setVgrow(laneScroll, Priority.ALWAYS);
        VBox narrationColumn = new VBox(narration);
        ScrollPane narrationScroll = scroll(narrationColumn, "narration-scroll");
        ScrollPane bytesScroll = scroll(bytes, "bytes-scroll");
        HBox.setHgrow(narrationScroll, Priority.ALWAYS);
        HBox info = new InfoBox(narrationScroll, narrationColumn, bytesScroll);
        info.getStyleClass().add("player-info");
        VBox centre = new VBox(laneScroll, info);
        centre.getStyleClass().add("player-centre");
        setCenter(centre);
        setBottom(controls());
        model.indexProperty().addListener((obs, was, now) -> onIndex(was.intValue(), now.intValue()));
        model.flowProperty().addListener((obs, was, now) -> onFlow(now));
        model.playingProperty().addListener((obs, was, now) -> {
            if (!now) {
                hold.stop();
            } else if (!lanes.isAnimating()) {
                scheduleTick();
            }
        });
        hold.setOnFinished(e -> model.tick());
        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        setFocusTraversable(true);
        onFlow(model.flowProperty().get());
    }

    public FlowPlayerModel model() {
        return model;
    }

    private HBox toolbar(Runnable exportHtml, Runnable exportFrames) {
        Button back = button("flow-back", Feather.ARROW_LEFT, "All flows", "Back to the catalogue");
        back.setOnAction(e -> vm.close());
        title.setId("flow-title");
        title.getStyleClass().add("flow-title");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Button html = button("export-html", Feather.FILE_TEXT, "HTML", "Export as a self-contained HTML page");
        html.setOnAction(e -> exportHtml.run());
        Button png = button("export-png", Feather.IMAGE, "PNG frames", "Export one PNG per step, for slides");
        png.setOnAction(e -> exportFrames.run());
        Button presenter = button("presenter-toggle", Feather.MAXIMIZE, "Present", "Presenter mode (F5, Esc to leave)");
        presenter.setOnAction(e -> vm.setPresenter(!vm.presenterProperty().get()));
        vm.presenterProperty().addListener((o, a, on) -> {
            presenter.setText(on ? "Leave" : "Present");
            ((FontIcon) presenter.getGraphic()).setIconCode(on ? Feather.MINIMIZE : Feather.MAXIMIZE);
        });
        notice.setId("flow-notice");
        notice.getStyleClass().add("flow-notice");
        // In a narrow window or at a large zoom the flow's title gives way (its full text is a tooltip away), never
        // the buttons.
        for (Button b : new Button[] {back, html, png, presenter}) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        Tooltip titleTip = new Tooltip();
        titleTip.textProperty().bind(title.textProperty());
        title.setTooltip(titleTip);
        HBox bar = new HBox(back, title, grow, notice, html, png, presenter);
        bar.getStyleClass().add("player-toolbar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private VBox stepList() {
        steps.setId("flow-steps");
        steps.getStyleClass().add("flow-steps");
        steps.setCellFactory(list -> new StepCell());
        steps.getSelectionModel().selectedIndexProperty().addListener((obs, was, now) -> {
            if (!syncingList && now.intValue() >= 0 && now.intValue() != model.indexProperty().get()) {
                model.pause();
                model.jump(now.intValue());
            }
        });
        Label heading = new Label("Steps");
        heading.getStyleClass().add("panel-heading");
        VBox box = new VBox(heading, steps);
        VBox.setVgrow(steps, Priority.ALWAYS);
        box.getStyleClass().add("step-list-box");
        return box;
    }

    private HBox controls() {
        Button start = button("flow-start", Feather.SKIP_BACK, null, "Jump to the start (Home)");
        start.setOnAction(e -> model.toStart());
        Button back = button("flow-prev", Feather.CHEVRON_LEFT, null, "Step back (←)");
        back.setOnAction(e -> {
            model.pause();
            model.back();
        });
        back.disableProperty().bind(model.canGoBackProperty().not());
        Button play = button("flow-play", Feather.PLAY, "Play", "Play or pause (Space)");
        play.getStyleClass().add("accent");
        model.playingProperty().addListener((o, a, on) -> {
            play.setText(on ? "Pause" : "Play");
            ((FontIcon) play.getGraphic()).setIconCode(on ? Feather.PAUSE : Feather.PLAY);
        });
        play.setOnAction(e -> model.togglePlay());
        Button next = button("flow-next", Feather.CHEVRON_RIGHT, null, "Step forward (→)");
        next.setOnAction(e -> {
            model.pause();
            model.next();
        });
        next.disableProperty().bind(model.canGoNextProperty().not());
        Button end = button("flow-end", Feather.SKIP_FORWARD, null, "Jump to the end (End)");
        end.setOnAction(e -> model.toEnd());
        ComboBox<Double> speed = new ComboBox<>();
        speed.setId("flow-speed");
        speed.getItems().setAll(FlowPlayerModel.SPEEDS);
        speed.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double v) {
                return v == null ? "" : (v == Math.floor(v) ? String.valueOf(v.intValue()) : String.valueOf(v)) + "×";
            }

            @Override
            public Double fromString(String s) {
                return Double.valueOf(s.replace("×", ""));
            }
        });
        speed.setValue(model.speedProperty().get());
        speed.valueProperty().addListener((o, a, v) -> model.setSpeed(v));
        speed.setTooltip(new Tooltip("Animation speed"));
        Label speedLabel = new Label("Speed");
        speedLabel.getStyleClass().add("muted");
        Label hint = new Label("Space play/pause · ← → step · Home/End · F5 present");
        hint.getStyleClass().addAll("muted", "key-hint");
        // In a narrow window the hint gives way (its whole text is a tooltip away); the controls and their label keep
        // their width.
        hint.setTooltip(new Tooltip(hint.getText()));
        speedLabel.setMinWidth(Region.USE_PREF_SIZE);
        speed.setMinWidth(Region.USE_PREF_SIZE);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(start, back, play, next, end, speedLabel, speed, grow, hint);
        bar.getStyleClass().add("player-controls");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private static Button button(String id, Feather icon, String text, String tip) {
        Button b = new Button(text, new FontIcon(icon));
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        // An icon-only button has no text for a screen reader to announce; its tooltip says what it does.
        if (text == null) {
            b.setAccessibleText(tip);
        }
        // Buttons keep focus off themselves so Space always means play/pause, never "press the focused button".
        b.setFocusTraversable(false);
        return b;
    }

    private static ScrollPane scroll(Region content, String id) {
        // Never narrower than its content's minimum (the narration's widest word, GenerateDataKey at 150% zoom), with
        // room for the vertical scroll bar: fitted to its width, a narrower viewport would cut the content off.
        ScrollPane s = new ScrollPane(content) {
            @Override
            protected double computeMinWidth(double height) {
                return Math.max(super.computeMinWidth(height), snappedLeftInset() + snappedRightInset()
                        + content.minWidth(-1) + scrollBarRoom(this));
            }
        };
        s.setId(id);
        s.setFitToWidth(true);
        s.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        s.getStyleClass().add("player-scroll");
        return s;
    }

    private void onFlow(Flow flow) {
        title.setText(flow == null ? "" : flow.title());
        syncingList = true;
        steps.getItems().setAll(flow == null ? java.util.List.of() : flow.steps());
        syncingList = false;
        onIndex(-1, model.indexProperty().get());
    }

    private void onIndex(int was, int now) {
        Flow flow = model.flowProperty().get();
        hold.stop();
        boolean forward = now == was + 1 && was >= 0;
        lanes.show(flow, now, forward, model.animationMillis(), () -> {
            if (model.playingProperty().get()) {
                scheduleTick();
            }
        });
        narration.show(flow, now);
        bytes.show(flow == null || now < 0 ? null : flow.steps().get(now));
        syncingList = true;
        if (now >= 0) {
            steps.getSelectionModel().select(now);
            steps.scrollTo(Math.max(0, now - 3));
        } else {
            steps.getSelectionModel().clearSelection();
        }
        syncingList = false;
    }

    private void scheduleTick() {
        double millis = model.animationMillis() * 0.9;
        if (millis <= 0) {
            Platform.runLater(model::tick);
        } else {
            hold.setDuration(Duration.millis(millis));
            hold.playFromStart();
        }
    }

    private void onKey(KeyEvent e) {
        Consumer<Runnable> handled = r -> {
            r.run();
            e.consume();
        };
        KeyCode code = e.getCode();
        if (code == KeyCode.SPACE) {
            handled.accept(model::togglePlay);
        } else if (code == KeyCode.RIGHT) {
            handled.accept(() -> {
                model.pause();
                model.next();
            });
        } else if (code == KeyCode.LEFT) {
            handled.accept(() -> {
                model.pause();
                model.back();
            });
        } else if (code == KeyCode.HOME) {
            handled.accept(model::toStart);
        } else if (code == KeyCode.END) {
            handled.accept(model::toEnd);
        } else if (code == KeyCode.F5) {
            handled.accept(() -> vm.setPresenter(!vm.presenterProperty().get()));
        } else if (code == KeyCode.ESCAPE && vm.presenterProperty().get()) {
            handled.accept(() -> vm.setPresenter(false));
        }
    }

    /** A short confirmation in the toolbar, e.g. where an export went. */
    void showNotice(String text) {
        notice.setText(text);
    }

    /** Ends the running animation so a snapshot shows the finished step. */
    void settle() {
        lanes.finish();
        applyCss();
        layout();
    }

    /**
     * The narration beside the Bytes card while both fit (the card at its minimum width, whole words; the narration at
     * a readable width), the card under the
     * narration in the one scroll pane when they do not (a 1024-pixel window at 150% zoom): the narration keeps the
     * width of its widest word instead of the pair pushing the player past the window's edge.
     */
    private final class InfoBox extends HBox {
        private final ScrollPane narrationScroll;
        private final VBox narrationColumn;
        private final ScrollPane bytesScroll;
        private boolean stacked;

        InfoBox(ScrollPane narrationScroll, VBox narrationColumn, ScrollPane bytesScroll) {
            super(narrationScroll, bytesScroll);
            this.narrationScroll = narrationScroll;
            this.narrationColumn = narrationColumn;
            this.bytesScroll = bytesScroll;
        }

        @Override
        protected double computeMinWidth(double height) {
            return snappedLeftInset() + snappedRightInset() + narrationScroll.minWidth(height);
        }

        @Override
        protected void layoutChildren() {
            double bar = scrollBarRoom(narrationScroll);
            // Side by side only while the narration keeps a readable width, not just its widest word: a wide step list
            // at 1024x640 (GenerateDataKeyWithoutPlaintext) left it a column of two or three words a line.
            double side = Math.max(narration.minWidth(-1), narration.readableWidth()) + bar
                    + Math.max(bytesScroll.minWidth(-1), bytes.minWidth(-1) + bar);
            boolean stack = getWidth() - snappedLeftInset() - snappedRightInset() < side;
            if (stack != stacked) {
                stacked = stack;
                if (stack) {
                    bytesScroll.setContent(null);
                    narrationColumn.getChildren().add(bytes);
                } else {
                    narrationColumn.getChildren().remove(bytes);
                    bytesScroll.setContent(bytes);
                }
                bytesScroll.setVisible(!stack);
                bytesScroll.setManaged(!stack);
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("stacked"), stack);
            }
            super.layoutChildren();
            // The HBox shrinks both towards their minimums alike, which gave the narration its widest word only (a
            // column of two or three words a line); side by side, it keeps its readable width and the card, which
            // fits at its own minimum (the test above), takes the rest.
            double readable = narration.readableWidth() + bar;
            if (!stack && narrationScroll.getWidth() < readable) {
                double left = snappedLeftInset();
                double inner = getWidth() - left - snappedRightInset();
                double card = Math.max(0, inner - readable - getSpacing());
                narrationScroll.resize(readable, narrationScroll.getHeight());
                bytesScroll.resizeRelocate(left + readable + getSpacing(), bytesScroll.getLayoutY(), card,
                        bytesScroll.getHeight());
            }
        }
    }

    private static final class StepCell extends ListCell<Step> {

        StepCell() {
            // Cells follow the list's width instead of growing a horizontal scrollbar, and wrap a long step name onto
            // a second line at a space rather than cutting it to "3. GenerateDataK..." (see the sizes below).
            setWrapText(true);
        }

        // Asking for no width keeps the list from scrolling sideways; the cell's height is always measured at the
        // width the list gives it (a height measured at width 0 made the list's cell count estimate go wrong:
        // "VirtualFlow addTrailingCells: index exceeds maxCellCount").
        @Override
        protected double computePrefWidth(double height) {
            return Math.min(super.computePrefWidth(height), computeMinWidth(height));
        }

        @Override
        protected double computePrefHeight(double width) {
            return super.computePrefHeight(width >= 0 ? width : cellWidth());
        }

        @Override
        protected double computeMinHeight(double width) {
            return computePrefHeight(width);
        }

        // Never narrower than the widest word of its step name ("GenerateDataKey"): the step list keeps that width.
        @Override
        protected double computeMinWidth(double height) {
            double widest = dev.kmslab.ui.common.WholeWordsLabel.widestWord(getText(), getFont());
            double graphic = getGraphic() == null ? 0 : getGraphic().prefWidth(-1) + getGraphicTextGap();
            return snappedLeftInset() + snappedRightInset() + graphic + widest;
        }

        private double cellWidth() {
            if (getWidth() > 0) {
                return getWidth();
            }
            ListView<Step> list = getListView();
            return list == null ? -1 : list.getWidth() - list.snappedLeftInset() - list.snappedRightInset();
        }

        @Override
        protected void updateItem(Step step, boolean empty) {
            super.updateItem(step, empty);
            getStyleClass().removeAll("failed-step", "kms-step");
            if (empty || step == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            setText((getIndex() + 1) + ". " + step.action());
            setTooltip(new Tooltip(step.action()));
            if (step.failed()) {
                getStyleClass().add("failed-step");
                setGraphic(new FontIcon(Feather.X_CIRCLE));
            } else if (step.kmsCall()) {
                getStyleClass().add("kms-step");
                setGraphic(new FontIcon(Feather.KEY));
            } else {
                setGraphic(null);
            }
        }
    }
}
