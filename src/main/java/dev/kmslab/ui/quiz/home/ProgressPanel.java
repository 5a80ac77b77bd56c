package dev.kmslab.ui.quiz.home;

import dev.kmslab.study.quiz.progress.ScorePoint;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Per track: exam scores over time against the pass mark, the weakest topics, and a reset. */
final class ProgressPanel extends VBox {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm")
            .withZone(ZoneId.systemDefault());

    private final HomeScreens model;
    private final ProgressViewModel progress;
    private final LineChart<Number, Number> chart;
    private final VBox weakest = new VBox();
    private final Label empty = new Label();

    ProgressPanel(HomeScreens model) {
        this.model = model;
        this.progress = model.progress();
        setId("quiz-progress");
        getStyleClass().add("quiz-progress");
        HBox tabs = new HBox();
        tabs.getStyleClass().add("track-tabs-inline");
        ToggleGroup group = new ToggleGroup();
        for (TrackSummary t : progress.tracks()) {
            ToggleButton tab = new ToggleButton(t.track().exam());
            tab.setId("progress-track-" + t.id());
            tab.setToggleGroup(group);
            tab.setSelected(t.id().equals(progress.chartTrackProperty().get()));
            tab.setOnAction(e -> {
                tab.setSelected(true);
                progress.showTrack(t.id());
            });
            tabs.getChildren().add(tab);
        }
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Button reset = new Button("Reset track", new FontIcon(Feather.ROTATE_CCW));
        reset.setId("quiz-reset");
        reset.setDisable(!model.canSave());
        reset.setOnAction(e -> model.askToResetTrack(progress.chartTrackProperty().get()));
        tabs.getChildren().addAll(grow, reset);
        tabs.setAlignment(Pos.CENTER_LEFT);
        NumberAxis x = new NumberAxis();
        x.setLabel("Exam (oldest first)");
        x.setMinorTickVisible(false);
        x.setForceZeroInRange(false);
        NumberAxis y = new NumberAxis(100, 1000, 100);
        y.setLabel("Scaled score");
        chart = new LineChart<>(x, y);
        chart.setId("quiz-score-chart");
        chart.setAnimated(false);
        chart.setLegendVisible(true);
        chart.setCreateSymbols(true);
        chart.setPrefHeight(260);
        chart.setMinHeight(220);
        empty.getStyleClass().add("muted");
        empty.setWrapText(true);
        Label weakTitle = new Label("Weakest topics");
        weakTitle.getStyleClass().add("panel-heading");
        weakest.setId("quiz-weakest");
        weakest.getStyleClass().add("weakest-list");
        VBox weakBox = new VBox(weakTitle, weakest);
        weakBox.getStyleClass().add("weakest-box");
        weakBox.setPrefWidth(260);
        weakBox.setMinWidth(200);
        HBox.setHgrow(chart, Priority.ALWAYS);
        HBox body = new HBox(chart, weakBox);
        body.getStyleClass().add("progress-body");
        getChildren().addAll(tabs, empty, body);
        progress.scores().addListener((ListChangeListener<ScorePoint>) c -> refresh());
        progress.weakest().addListener((ListChangeListener<ProgressViewModel.WeakTopic>) c -> refresh());
        progress.chartTrackProperty().addListener((obs, was, now) -> refresh());
        refresh();
    }

    private void refresh() {
        List<ScorePoint> points = progress.scores();
        XYChart.Series<Number, Number> scores = new XYChart.Series<>();
        scores.setName("Your score");
        for (int i = 0; i < points.size(); i++) {
            scores.getData().add(new XYChart.Data<>(i + 1, points.get(i).scaledScore()));
        }
        // The pass mark as a flat line across the same range, so every point reads as above or below it.
        XYChart.Series<Number, Number> pass = new XYChart.Series<>();
        pass.setName("Pass mark " + progress.passMark());
        int last = Math.max(points.size(), 2);
        pass.getData().add(new XYChart.Data<>(0, progress.passMark()));
        pass.getData().add(new XYChart.Data<>(last + 1, progress.passMark()));
        chart.getData().setAll(List.of(scores, pass));
        NumberAxis x = (NumberAxis) chart.getXAxis();
        // One empty step either side keeps the first and last points clear of the plot's edges.
        x.setAutoRanging(false);
        x.setLowerBound(0);
        x.setUpperBound(last + 1);
        x.setTickUnit(Math.max(1, Math.ceil(last / 10.0)));
        x.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                int v = n.intValue();
                return v < 1 || v > last || v != n.doubleValue() ? "" : String.valueOf(v);
            }

            @Override
            public Number fromString(String s) {
                return Integer.valueOf(s);
            }
        });
        for (int i = 0; i < points.size(); i++) {
            ScorePoint p = points.get(i);
            if (scores.getData().get(i).getNode() != null) {
                Tooltip.install(scores.getData().get(i).getNode(), new Tooltip(DAY.format(p.at()) + ": "
                        + p.scaledScore() + (p.passed() ? " (pass)" : " (below the pass mark)")));
            }
        }
        pass.getNode().getStyleClass().add("pass-mark-line");
        pass.getData().forEach(d -> d.getNode().setVisible(false));
        empty.setText(points.isEmpty() ? "No exam simulation taken for this track yet: the chart fills in as you "
                + "take them." : "");
        empty.setManaged(points.isEmpty());
        empty.setVisible(points.isEmpty());
        weakest.getChildren().clear();
        if (progress.weakest().isEmpty()) {
            Label none = new Label("Answer a few questions first (at least " + ProgressViewModel.MIN_ATTEMPTS_PER_TOPIC
                    + " per topic).");
            none.setWrapText(true);
            none.getStyleClass().add("muted");
            weakest.getChildren().add(none);
        }
        for (ProgressViewModel.WeakTopic t : progress.weakest()) {
            Label name = new Label(t.title());
            name.setWrapText(true);
            HBox.setHgrow(name, Priority.ALWAYS);
            name.setMaxWidth(Double.MAX_VALUE);
            Label pct = new Label(t.percent() + "% of " + t.attempts());
            pct.getStyleClass().add(t.percent() < 70 ? "weak-bad" : "weak-ok");
            pct.setMinWidth(Label.USE_PREF_SIZE);
            HBox row = new HBox(name, pct);
            row.getStyleClass().add("weak-row");
            weakest.getChildren().add(row);
        }
    }
}
